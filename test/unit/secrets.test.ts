import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskSecret, mergeSecrets } from '../../src/platform/secrets/mask.js';
import { loadSecretKey, SecretBox, SecretUnreadableError } from '../../src/platform/secrets/secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox(Buffer.alloc(32, 1));

  it('round-trips text and never repeats a ciphertext', () => {
    const sealed = box.seal('sk-live-1234 ✓', 'tool_provider:a');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('sk-live');
    expect(box.seal('sk-live-1234 ✓', 'tool_provider:a')).not.toBe(sealed);
    expect(box.open(sealed, 'tool_provider:a')).toBe('sk-live-1234 ✓');
  });

  it('refuses another context, another key, and tampered data', () => {
    const sealed = box.seal('secret', 'tool_provider:a');
    expect(() => box.open(sealed, 'tool_provider:b')).toThrow(SecretUnreadableError);
    expect(() => new SecretBox(Buffer.alloc(32, 2)).open(sealed, 'tool_provider:a')).toThrow(SecretUnreadableError);
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1]! ^= 1;
    expect(() => box.open(`v1:${raw.toString('base64url')}`, 'tool_provider:a')).toThrow(SecretUnreadableError);
    expect(() => box.open('v2:abc', 'tool_provider:a')).toThrow(SecretUnreadableError);
  });

  it('generates a key file once (0600) and reuses it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'plugboard-keys-'));
    try {
      const first = await loadSecretKey(undefined, dir);
      expect(first).toHaveLength(32);
      expect(await loadSecretKey(undefined, dir)).toEqual(first);
      expect((await stat(path.join(dir, 'keys', 'secret-key'))).mode & 0o777).toBe(0o600);
      expect((await readFile(path.join(dir, 'keys', 'secret-key'), 'utf8')).trim()).toBe(first.toString('base64url'));
      const configured = Buffer.alloc(32, 5);
      expect(await loadSecretKey(configured, dir)).toBe(configured);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('masking', () => {
  it('shows the first and last two characters of long values, nothing of short ones', () => {
    expect(maskSecret('sk-abcdefghijkl')).toBe('sk******kl');
    expect(maskSecret('12345678')).toBe('******');
    expect(maskSecret('')).toBe('******');
  });

  it('keeps the stored secret when its mask comes back, takes new values, drops empty ones', () => {
    const stored = { apiKey: 'sk-abcdefghijkl', token: 'tok-0123456789' };
    expect(mergeSecrets(stored, { apiKey: 'sk******kl', token: 'new-token-value' })).toEqual({ apiKey: 'sk-abcdefghijkl', token: 'new-token-value' });
    expect(mergeSecrets(stored, { apiKey: 'sk******kl', token: null })).toEqual({ apiKey: 'sk-abcdefghijkl' });
    // A mask of some other value is taken literally, not as "keep".
    expect(mergeSecrets(stored, { apiKey: 'xx******yy' })).toEqual({ apiKey: 'xx******yy' });
  });
});

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { loadOrCreateKeyFile } from './key-file.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Thrown when a sealed value cannot be opened: another key, or tampered data. */
export class SecretUnreadableError extends Error {}

/**
 * AES-256-GCM for secrets at rest (tool credentials, extension API keys). Each value is
 * bound to a context string (e.g. "tool_provider:<id>") as associated data, so a sealed
 * value copied onto another row does not open there.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('A secret key must be 32 bytes');
    this.key = key;
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  open(sealed: string, context: string): string {
    const [version, payload] = sealed.split(':', 2);
    if (version !== VERSION || !payload) throw new SecretUnreadableError('Unknown secret format');
    const raw = Buffer.from(payload, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretUnreadableError('Secret is truncated');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretUnreadableError('Secret cannot be decrypted with the configured key');
    }
  }
}

/** Decodes PLUGBOARD_SECRET_KEY: 32 bytes as base64, base64url or hex. */
export function parseSecretKey(value: string): Buffer | null {
  const text = value.trim();
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  const bytes = Buffer.from(text, 'base64url');
  return bytes.length === 32 ? bytes : null;
}

/**
 * The configured key, else 32 random bytes created once in `<dataDir>/keys/secret-key`
 * (0600) and reused after restarts. Losing that file makes stored credentials unreadable:
 * back it up with the database, and set PLUGBOARD_SECRET_KEY when several processes share one.
 */
export async function loadSecretKey(configured: Buffer | undefined, dataDir: string): Promise<Buffer> {
  if (configured) return configured;
  const { file, text } = await loadOrCreateKeyFile(dataDir, 'secret-key', () => randomBytes(32).toString('base64url'));
  const key = parseSecretKey(text);
  if (!key) throw new Error(`${file} does not hold a 32-byte key; restore it from a backup`);
  return key;
}

import { describe, expect, it } from 'vitest';
import { sniffMimeType } from '../../src/files/file-inspector.js';
import { checkFileName } from '../../src/files/file.service.js';
import { FileUrlSigner } from '../../src/files/file-urls.js';
import { matchesEtag, parseRange } from '../../src/http/files.router.js';

describe('signed file URLs', () => {
  const signer = new FileUrlSigner(Buffer.alloc(32, 3), () => 'https://gw.example', 60_000);
  const id = '2f1c0a2e-8a55-4d2b-9a39-0d8c1c1f0e11';
  const partsOf = (url: string) => Object.fromEntries(new URL(url).searchParams) as { expires: string; sig: string };

  it('verifies its own URLs until they expire', () => {
    const now = Date.UTC(2026, 10, 25);
    const { url, expiresAt } = signer.sign('download', id, now);
    expect(url.startsWith(`https://gw.example/files/${id}?`)).toBe(true);
    expect(expiresAt.getTime()).toBe(now + 60_000);
    const { expires, sig } = partsOf(url);
    expect(signer.verify('download', id, expires, sig, now)).toBe('valid');
    expect(signer.verify('download', id, expires, sig, now + 61_000)).toBe('expired');
  });

  it('refuses another file, another action, a changed expiry, another key and garbage', () => {
    const { expires, sig } = partsOf(signer.sign('download', id).url);
    expect(signer.verify('download', id.replace('2f', '3f'), expires, sig)).toBe('invalid');
    expect(signer.verify('upload', id, expires, sig)).toBe('invalid');
    expect(signer.verify('download', id, String(Number(expires) + 1000), sig)).toBe('invalid');
    expect(new FileUrlSigner(Buffer.alloc(32, 4), () => 'https://gw.example', 60_000).verify('download', id, expires, sig)).toBe('invalid');
    expect(signer.verify('download', id, undefined, sig)).toBe('invalid');
    expect(signer.verify('download', id, expires, ['a', 'b'])).toBe('invalid');
  });
});

describe('Range headers', () => {
  it.each([
    [undefined, 100, null],
    ['bytes=0-4', 100, [0, 4]],
    ['bytes=95-', 100, [95, 99]],
    ['bytes=90-500', 100, [90, 99]],
    ['bytes=-10', 100, [90, 99]],
    ['bytes=-500', 100, [0, 99]],
    ['bytes=100-', 100, 'unsatisfiable'],
    ['bytes=5-2', 100, 'unsatisfiable'],
    ['bytes=-0', 100, 'unsatisfiable'],
    ['bytes=0-1,5-6', 100, null],
    ['items=0-1', 100, null],
  ] as const)('%s of %i bytes → %j', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('If-None-Match', () => {
  it('matches *, lists and weak tags, and nothing else', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});

describe('MIME sniffing', () => {
  it('reads the content, not the name', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    expect(await sniffMimeType(png, 'notes.txt')).toBe('image/png');
    expect(await sniffMimeType(Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'x.bin')).toBe('application/pdf');
    expect(await sniffMimeType(Buffer.from('plain words, ünïcode ✓'), 'x.bin')).toBe('text/plain');
    expect(await sniffMimeType(Buffer.from('{"a":1}'), 'data.json')).toBe('application/json');
    expect(await sniffMimeType(Buffer.from([0, 1, 2, 255, 254]), 'x.txt')).toBe('application/octet-stream');
    // A multi-byte character cut at the end of the sniffed head is still text.
    expect(await sniffMimeType(Buffer.from('abc ✓').subarray(0, 5), 'x')).toBe('text/plain');
  });
});

describe('file names', () => {
  it('keeps the last path part, drops control characters, and refuses empty names', () => {
    expect(checkFileName('../../etc/passwd')).toBe('passwd');
    expect(checkFileName('C:\\Users\\a\\report.pdf')).toBe('report.pdf');
    expect(checkFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(() => checkFileName('dir/')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => checkFileName('x'.repeat(300))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

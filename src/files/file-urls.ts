import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export type UrlAction = 'download' | 'upload';

export interface SignedFileUrl {
  url: string;
  expiresAt: Date;
}

/**
 * Short-lived URLs for `GET /files/:id` and `PUT /files/uploads/:id`: an HMAC-SHA256 over the
 * action, the file ID and the expiry, with a key derived from the secret key (so rotating
 * PLUGBOARD_SECRET_KEY also invalidates every URL handed out).
 */
export class FileUrlSigner {
  private readonly key: Buffer;

  constructor(
    secretKey: Buffer,
    /** Read at signing time: with PORT=0 it is known only once the server listens. */
    private readonly publicUrl: () => string,
    private readonly ttlMs: number,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secretKey, 'plugboard', 'file-urls', 32));
  }

  private signature(action: UrlAction, id: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${action}\n${id}\n${expires}`).digest('base64url');
  }

  sign(action: UrlAction, id: string, now = Date.now()): SignedFileUrl {
    const expires = Math.floor((now + this.ttlMs) / 1000);
    const path = action === 'download' ? `/files/${id}` : `/files/uploads/${id}`;
    return { url: `${this.publicUrl()}${path}?expires=${expires}&sig=${this.signature(action, id, expires)}`, expiresAt: new Date(expires * 1000) };
  }

  /** 'valid', or why not: a signature that does not match, or one past its expiry. */
  verify(action: UrlAction, id: string, expires: unknown, sig: unknown, now = Date.now()): 'valid' | 'invalid' | 'expired' {
    if (typeof expires !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(expires)) return 'invalid';
    const expected = Buffer.from(this.signature(action, id, Number(expires)));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(expires) * 1000 < now ? 'expired' : 'valid';
  }
}

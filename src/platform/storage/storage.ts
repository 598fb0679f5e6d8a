/**
 * Object storage for uploaded files and other blobs. One small interface with three
 * drivers: a folder on local disk (the embedded default), S3 (or an S3-compatible
 * store) and Azure Blob Storage. Keys look like relative paths (`ws/abc/file.bin`) and
 * are validated the same way by every driver, so a key that works on one works on all.
 *
 * The shared helpers below (key/range/option checks, the byte counter that every
 * `save` streams through, `readAll`) keep the drivers consistent with each other.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { PayloadTooLargeError, ValidationError } from '../../errors.js';

export type StorageDriver = 'local' | 's3' | 'azure';

export interface ObjectInfo {
  /** The key as passed to `save` (without the configured prefix). */
  key: string;
  size: number;
  /** Not kept by the local driver, and not reported by S3 listings. */
  contentType?: string;
  /** As the backend reports it (S3 and Azure: a quoted strong ETag; local: a weak one from size and mtime). */
  etag?: string;
  lastModified?: Date;
}

export interface SaveOptions {
  contentType?: string;
  /** When given, a body of any other length fails with BAD_USER_INPUT and stores nothing. */
  contentLength?: number;
}

/** Bytes `start` to `end`, both inclusive; without `end`, to the end of the object. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface SignedUrlOptions {
  /** 1 second to 7 days (the S3 maximum). */
  expiresInSeconds: number;
  method: 'GET' | 'PUT';
  /** GET: the Content-Type the response carries. PUT: the type the object is stored with. */
  contentType?: string;
  /** GET only: served as `Content-Disposition: attachment` with this file name. */
  fileName?: string;
}

/** A URL a client can use directly, and the headers it must send with it. */
export interface SignedUrl {
  url: string;
  method: 'GET' | 'PUT';
  /**
   * Headers the request must carry: for a PUT to S3 the signed `content-type`; for a PUT
   * to Azure `x-ms-blob-type: BlockBlob` (and `x-ms-blob-content-type`). Empty for GET.
   */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface Storage {
  readonly driver: StorageDriver;
  /**
   * Streams `body` to `key`, replacing any object there; never buffers it whole. Returns
   * the stored size. When `body` fails midway the promise rejects with that error and no
   * object (old or new) is half-written: the previous object, if any, stays as it was.
   * Local storage only: CONFLICT when the key is a folder of other keys (`a` vs `a/b`).
   */
  save(key: string, body: Readable, options?: SaveOptions): Promise<{ size: number }>;
  /**
   * A stream of the object, or of bytes [start, end] when `range` is given (`end` past
   * the object is clamped). NOT_FOUND when absent; BAD_USER_INPUT when `start` is at or
   * past the end of the object.
   */
  load(key: string, range?: ByteRange): Promise<Readable>;
  /** The whole object in memory; PAYLOAD_TOO_LARGE when it is larger than `maxBytes`. */
  loadWhole(key: string, maxBytes: number): Promise<Buffer>;
  /** null when absent. */
  stat(key: string): Promise<ObjectInfo | null>;
  exists(key: string): Promise<boolean>;
  /** No error when absent. */
  delete(key: string): Promise<void>;
  /**
   * Every object whose key starts with `prefix` ('' for all), fetched page by page.
   * Keys come in lexicographic order within a page; callers should not rely on order.
   */
  list(prefix: string): AsyncIterable<ObjectInfo>;
  /**
   * A time-limited URL to GET or PUT the object directly where the backend can (S3,
   * Azure with a shared key); null otherwise (local, Azure with a SAS-URL config), and
   * the gateway then serves its own signed `/files/:id` URLs.
   */
  signedUrl(key: string, options: SignedUrlOptions): Promise<SignedUrl | null>;
  /** Releases connection pools. */
  close(): Promise<void>;
}

export interface LocalStorageConfig {
  driver: 'local';
  /** The folder objects live under; created on first save. */
  root: string;
}

export interface S3StorageConfig {
  driver: 's3';
  bucket: string;
  region: string;
  /** For S3-compatible stores (MinIO, R2, s3rver…): http(s) URL. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Both or neither; without them the default AWS credential chain applies. */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** A folder inside the bucket every key lives under, e.g. `plugboard/` ('/' is added when missing). */
  prefix?: string;
  /** Objects per list request (default and maximum 1000); tests lower it to exercise paging. */
  listPageSize?: number;
}

export interface AzureStorageConfig {
  driver: 'azure';
  /** Required unless `sasUrl` is a container SAS URL (the container is then in its path). */
  container?: string;
  /** Exactly one of: a connection string, an account name and key, or a SAS URL. */
  connectionString?: string;
  accountName?: string;
  accountKey?: string;
  /** A container SAS URL (`https://acct.blob.core.windows.net/container?sv=…`) or an account SAS URL. */
  sasUrl?: string;
  /** A folder inside the container every key lives under ('/' is added when missing). */
  prefix?: string;
  /** Blobs per list request (default and maximum 5000); tests lower it to exercise paging. */
  listPageSize?: number;
}

export type StorageConfig = LocalStorageConfig | S3StorageConfig | AzureStorageConfig;

export const MAX_KEY_BYTES = 1024;
export const MAX_SIGNED_URL_SECONDS = 7 * 24 * 60 * 60;

// C0 controls and DEL; the keys end up in file names, URLs and HTTP headers.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** The reason `value` is not a valid key (or, with `asPrefix`, a valid list prefix); null when it is. */
function keyProblem(value: unknown, asPrefix: boolean): string | null {
  if (typeof value !== 'string') return 'must be a string';
  if (value === '') return asPrefix ? null : 'must not be empty';
  if (Buffer.byteLength(value, 'utf8') > MAX_KEY_BYTES) return `must be at most ${MAX_KEY_BYTES} bytes`;
  if (!value.isWellFormed()) return 'must be valid Unicode';
  if (CONTROL_CHARS.test(value)) return 'must not contain control characters';
  if (value.includes('\\')) return 'must not contain a backslash';
  if (value.startsWith('/')) return 'must not start with "/"';
  const segments = value.split('/');
  // A prefix may end with '/' (an empty last segment); a key may not.
  if (asPrefix && segments.at(-1) === '') segments.pop();
  for (const segment of segments) {
    if (segment === '') return 'must not contain empty segments ("//" or a trailing "/")';
    if (segment === '.' || segment === '..') return 'must not contain "." or ".." segments';
  }
  return null;
}

/** Throws BAD_USER_INPUT unless `key` is a relative path of non-empty segments (see keyProblem). */
export function assertValidKey(key: string): void {
  const problem = keyProblem(key, false);
  if (problem) throw new ValidationError(`Invalid storage key: ${problem}`);
}

/** Like assertValidKey, but '' and a trailing '/' are allowed. */
export function assertValidPrefix(prefix: string): void {
  const problem = keyProblem(prefix, true);
  if (problem) throw new ValidationError(`Invalid storage prefix: ${problem}`);
}

export function assertValidRange(range: ByteRange | undefined): void {
  if (range === undefined) return;
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0) throw new ValidationError('Invalid byte range: start must be a non-negative integer');
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw new ValidationError('Invalid byte range: end must be an integer not less than start');
  }
}

// Printable ASCII only: it goes into an HTTP header.
const CONTENT_TYPE = /^[\x21-\x7e][\x20-\x7e]{0,254}$/;

export function assertSaveOptions(options: SaveOptions | undefined): void {
  if (options?.contentType !== undefined && !CONTENT_TYPE.test(options.contentType)) {
    throw new ValidationError('Invalid content type');
  }
  const length = options?.contentLength;
  if (length !== undefined && (!Number.isSafeInteger(length) || length < 0)) {
    throw new ValidationError('Invalid content length: must be a non-negative integer');
  }
}

export function assertSignedUrlOptions(options: SignedUrlOptions): void {
  const { expiresInSeconds, method, contentType } = options;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_SIGNED_URL_SECONDS) {
    throw new ValidationError(`Invalid signed URL lifetime: must be 1 to ${MAX_SIGNED_URL_SECONDS} seconds`);
  }
  if (method !== 'GET' && method !== 'PUT') throw new ValidationError('Invalid signed URL method: must be GET or PUT');
  if (contentType !== undefined && !CONTENT_TYPE.test(contentType)) throw new ValidationError('Invalid content type');
}

export function assertMaxBytes(maxBytes: number): void {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new ValidationError('Invalid maxBytes: must be a non-negative integer');
}

/** Normalizes a configured key prefix: '' or segments ending with '/'. */
export function normalizePrefix(prefix: string | undefined): string {
  if (!prefix) return '';
  return prefix.endsWith('/') ? prefix : `${prefix}/`;
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 8187). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'download';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Passes bytes through and counts them. With an expected length it fails (BAD_USER_INPUT)
 * as soon as the body runs longer, or at its end when it came up short, so the upload
 * it feeds is abandoned rather than completed.
 */
export class ByteCounter extends Transform {
  bytes = 0;

  constructor(private readonly expected?: number) {
    super();
  }

  override _transform(chunk: unknown, encoding: BufferEncoding, callback: TransformCallback): void {
    const buffer = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, encoding) : null;
    if (buffer === null) {
      callback(new ValidationError('Upload body must be a stream of bytes'));
      return;
    }
    this.bytes += buffer.length;
    if (this.expected !== undefined && this.bytes > this.expected) {
      callback(new ValidationError(`Upload body is longer than its declared length of ${this.expected} bytes`));
      return;
    }
    callback(null, buffer);
  }

  override _flush(callback: TransformCallback): void {
    if (this.expected !== undefined && this.bytes !== this.expected) {
      callback(new ValidationError(`Upload body is shorter than its declared length of ${this.expected} bytes`));
      return;
    }
    callback();
  }
}

/**
 * Pipes `body` through a ByteCounter for a driver to consume. `failure()` is the first
 * error of the body or the counter (a failed input stream, a wrong length): when the
 * upload then rejects, that is the error to report, rather than whatever the backend
 * client made of the broken stream. `abandon()` stops reading and destroys `body`.
 */
export function meter(body: Readable, expectedLength?: number): { stream: ByteCounter; failure(): unknown; abandon(): void } {
  const counter = new ByteCounter(expectedLength);
  let failure: unknown;
  // pipe() and not pipeline(): `body` errors are forwarded below, and destroying the counter
  // must reach `body` too, without pipeline's premature-close error racing the real one.
  body.on('error', (error) => {
    failure ??= error;
    counter.destroy(error);
  });
  counter.on('error', (error) => {
    failure ??= error;
    body.destroy();
  });
  body.pipe(counter);
  return {
    stream: counter,
    failure: () => failure,
    abandon() {
      counter.destroy();
      body.destroy();
    },
  };
}

/** Reads `stream` into memory; PAYLOAD_TOO_LARGE (and the stream destroyed) once it passes `maxBytes`. */
export async function readAll(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      total += buffer.length;
      if (total > maxBytes) throw new PayloadTooLargeError(`Stored object is larger than ${maxBytes} bytes`, { maxBytes });
      chunks.push(buffer);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

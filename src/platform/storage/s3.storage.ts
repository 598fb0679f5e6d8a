import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { NotFoundError, ValidationError } from '../../errors.js';
import {
  assertMaxBytes,
  assertSaveOptions,
  assertSignedUrlOptions,
  assertValidKey,
  assertValidPrefix,
  assertValidRange,
  attachmentDisposition,
  meter,
  normalizePrefix,
  readAll,
  type ByteRange,
  type ObjectInfo,
  type S3StorageConfig,
  type SaveOptions,
  type SignedUrl,
  type SignedUrlOptions,
  type Storage,
} from './storage.js';

/** Multipart part size: the most one upload holds in memory is PART_SIZE × PARALLEL_PARTS. */
const PART_SIZE = 8 * 1024 * 1024;
const PARALLEL_PARTS = 2;

interface AwsErrorShape {
  name?: string;
  $metadata?: { httpStatusCode?: number };
}

function statusOf(error: unknown): number | undefined {
  return (error as AwsErrorShape | null)?.$metadata?.httpStatusCode;
}

function nameOf(error: unknown): string | undefined {
  return (error as AwsErrorShape | null)?.name;
}

/**
 * S3 and S3-compatible stores. Uploads stream through `@aws-sdk/lib-storage` (a single
 * PutObject below one part, otherwise a multipart upload in 8 MB parts that is aborted
 * when the body fails); signed URLs are SigV4 presigned requests.
 */
export class S3Storage implements Storage {
  readonly driver = 's3' as const;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly pageSize: number;

  constructor(config: S3StorageConfig) {
    this.bucket = config.bucket;
    this.prefix = normalizePrefix(config.prefix);
    this.pageSize = config.listPageSize ?? 1000;
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials:
        config.accessKeyId && config.secretAccessKey
          ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
          : undefined, // the default chain: env, profile, SSO, web identity, instance/container role
      // The SDK's default CRC32 checksums use aws-chunked streaming uploads that many
      // S3-compatible stores (s3rver among them) store verbatim, framing included, and
      // they leak into presigned PUT URLs. Checksums only where an operation requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private objectKey(key: string): string {
    assertValidKey(key);
    return this.prefix + key;
  }

  /** NOT_FOUND and BAD_USER_INPUT for the outcomes callers branch on; other errors pass through. */
  private mapError(error: unknown, key: string): unknown {
    const name = nameOf(error);
    if (name === 'NoSuchBucket') return new Error(`S3 bucket "${this.bucket}" does not exist`, { cause: error });
    if (name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404) {
      return new NotFoundError(`No stored object at key "${key}"`);
    }
    if (name === 'InvalidRange' || statusOf(error) === 416) return new ValidationError('Byte range not satisfiable');
    return error;
  }

  async save(key: string, body: Readable, options?: SaveOptions): Promise<{ size: number }> {
    let objectKey: string;
    try {
      objectKey = this.objectKey(key);
      assertSaveOptions(options);
    } catch (error) {
      body.destroy();
      throw error;
    }
    const metered = meter(body, options?.contentLength);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: objectKey, Body: metered.stream, ContentType: options?.contentType },
      partSize: PART_SIZE,
      queueSize: PARALLEL_PARTS,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      metered.abandon();
      // A failed body is the cause; the SDK may instead report the abort of the multipart upload.
      throw metered.failure() ?? this.mapError(error, key);
    }
    return { size: metered.stream.bytes };
  }

  async load(key: string, range?: ByteRange): Promise<Readable> {
    const objectKey = this.objectKey(key);
    assertValidRange(range);
    try {
      const output = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: objectKey,
          Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined,
        }),
      );
      if (!(output.Body instanceof Readable)) throw new Error('S3 GetObject returned no readable body');
      return output.Body;
    } catch (error) {
      throw this.mapError(error, key);
    }
  }

  async loadWhole(key: string, maxBytes: number): Promise<Buffer> {
    assertMaxBytes(maxBytes);
    return readAll(await this.load(key), maxBytes);
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    const objectKey = this.objectKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return { key, size: head.ContentLength ?? 0, contentType: head.ContentType, etag: head.ETag, lastModified: head.LastModified };
    } catch (error) {
      const mapped = this.mapError(error, key);
      if (mapped instanceof NotFoundError) return null;
      throw mapped;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    const objectKey = this.objectKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
    } catch (error) {
      const mapped = this.mapError(error, key);
      if (!(mapped instanceof NotFoundError)) throw mapped;
    }
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    assertValidPrefix(prefix);
    let continuationToken: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.prefix + prefix,
            MaxKeys: this.pageSize,
            ContinuationToken: continuationToken,
          }),
        );
      } catch (error) {
        throw this.mapError(error, prefix);
      }
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        yield { key: object.Key.slice(this.prefix.length), size: object.Size ?? 0, etag: object.ETag, lastModified: object.LastModified };
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  async signedUrl(key: string, options: SignedUrlOptions): Promise<SignedUrl> {
    const objectKey = this.objectKey(key);
    assertSignedUrlOptions(options);
    const { expiresInSeconds, method, contentType, fileName } = options;
    const expiresAt = new Date(Date.now() + expiresInSeconds * 1000);
    if (method === 'GET') {
      const command = new GetObjectCommand({
        Bucket: this.bucket,
        Key: objectKey,
        ResponseContentType: contentType,
        ResponseContentDisposition: fileName === undefined ? undefined : attachmentDisposition(fileName),
      });
      return { url: await getSignedUrl(this.client, command, { expiresIn: expiresInSeconds }), method, headers: {}, expiresAt };
    }
    // The content type is a signed header: the uploader must send exactly this one.
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: objectKey, ContentType: contentType });
    const url = await getSignedUrl(this.client, command, { expiresIn: expiresInSeconds });
    return { url, method, headers: contentType === undefined ? {} : { 'content-type': contentType }, expiresAt };
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

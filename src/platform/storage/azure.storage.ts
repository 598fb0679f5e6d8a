import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import {
  BlobSASPermissions,
  BlobServiceClient,
  ContainerClient,
  SASProtocol,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
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
  type AzureStorageConfig,
  type ByteRange,
  type ObjectInfo,
  type SaveOptions,
  type SignedUrl,
  type SignedUrlOptions,
  type Storage,
} from './storage.js';

/** Block size and count: the most one upload holds in memory is BLOCK_SIZE × BLOCK_BUFFERS. */
const BLOCK_SIZE = 4 * 1024 * 1024;
const BLOCK_BUFFERS = 4;
/** Signed URLs start this far in the past, so a client clock slightly behind still accepts them. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

interface RestErrorShape {
  statusCode?: number;
  code?: string;
}

/**
 * The container a SAS URL names in its path (a container SAS), or null (an account SAS).
 * Emulator URLs (an IP address or localhost) carry the account name first: /devstoreaccount1/container.
 */
export function containerInSasUrl(sasUrl: string): string | null {
  const url = new URL(sasUrl);
  const segments = url.pathname.split('/').filter(Boolean);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const accountInPath = isIP(host) !== 0 || host === 'localhost';
  return segments[accountInPath ? 1 : 0] ?? null;
}

/**
 * Builds the container client from exactly one credential form (createStorage has
 * checked there is one): a connection string, an account name and key, or a SAS URL.
 */
export function azureContainerClient(config: AzureStorageConfig): ContainerClient {
  if (config.connectionString) {
    return BlobServiceClient.fromConnectionString(config.connectionString).getContainerClient(config.container ?? '');
  }
  if (config.accountName && config.accountKey) {
    const credential = new StorageSharedKeyCredential(config.accountName, config.accountKey);
    return new BlobServiceClient(`https://${config.accountName}.blob.core.windows.net`, credential).getContainerClient(config.container ?? '');
  }
  if (config.sasUrl) {
    if (containerInSasUrl(config.sasUrl) !== null) return new ContainerClient(config.sasUrl);
    return new BlobServiceClient(config.sasUrl).getContainerClient(config.container ?? '');
  }
  throw new Error(
    'Invalid configuration: Azure storage needs PLUGBOARD_AZURE_CONNECTION_STRING, PLUGBOARD_AZURE_ACCOUNT with PLUGBOARD_AZURE_ACCOUNT_KEY, or PLUGBOARD_AZURE_SAS_URL',
  );
}

/**
 * Azure Blob Storage (block blobs). Uploads stage 4 MB blocks as the body arrives and
 * commit the block list only at its end, so a failed body commits nothing. Signed URLs
 * are service SAS URLs, which need the account key: with a SAS-URL config there are none
 * (handing out the configured SAS would grant the whole container).
 */
export class AzureStorage implements Storage {
  readonly driver = 'azure' as const;
  private readonly container: ContainerClient;
  private readonly prefix: string;
  private readonly pageSize: number;

  constructor(config: AzureStorageConfig, container: ContainerClient = azureContainerClient(config)) {
    this.container = container;
    this.prefix = normalizePrefix(config.prefix);
    this.pageSize = config.listPageSize ?? 5000;
  }

  private blobName(key: string): string {
    assertValidKey(key);
    return this.prefix + key;
  }

  private mapError(error: unknown, key: string): unknown {
    const { statusCode, code } = (error ?? {}) as RestErrorShape;
    if (code === 'ContainerNotFound') return new Error(`Azure container "${this.container.containerName}" does not exist`, { cause: error });
    if (statusCode === 404) return new NotFoundError(`No stored object at key "${key}"`);
    if (statusCode === 416 || code === 'InvalidRange') return new ValidationError('Byte range not satisfiable');
    return error;
  }

  async save(key: string, body: Readable, options?: SaveOptions): Promise<{ size: number }> {
    let name: string;
    try {
      name = this.blobName(key);
      assertSaveOptions(options);
    } catch (error) {
      body.destroy();
      throw error;
    }
    const metered = meter(body, options?.contentLength);
    try {
      await this.container.getBlockBlobClient(name).uploadStream(metered.stream, BLOCK_SIZE, BLOCK_BUFFERS, {
        blobHTTPHeaders: { blobContentType: options?.contentType },
      });
    } catch (error) {
      metered.abandon();
      throw metered.failure() ?? this.mapError(error, key);
    }
    return { size: metered.stream.bytes };
  }

  async load(key: string, range?: ByteRange): Promise<Readable> {
    const name = this.blobName(key);
    assertValidRange(range);
    const offset = range?.start ?? 0;
    const count = range?.end === undefined ? undefined : range.end - range.start + 1;
    try {
      const response = await this.container.getBlobClient(name).download(offset, count);
      const body = response.readableStreamBody;
      if (!(body instanceof Readable)) throw new Error('Azure download returned no readable body');
      // Azure answers 416 for a start past the end; azurite serves an empty range instead.
      const total = Number(/\/(\d+)$/.exec(response.contentRange ?? '')?.[1] ?? Number.NaN);
      if (range && range.start >= total) {
        body.destroy();
        throw new ValidationError('Byte range not satisfiable');
      }
      return body;
    } catch (error) {
      throw this.mapError(error, key);
    }
  }

  async loadWhole(key: string, maxBytes: number): Promise<Buffer> {
    assertMaxBytes(maxBytes);
    return readAll(await this.load(key), maxBytes);
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    const name = this.blobName(key);
    try {
      const properties = await this.container.getBlobClient(name).getProperties();
      return {
        key,
        size: properties.contentLength ?? 0,
        contentType: properties.contentType,
        etag: properties.etag,
        lastModified: properties.lastModified,
      };
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
    const name = this.blobName(key);
    try {
      await this.container.getBlobClient(name).deleteIfExists({ deleteSnapshots: 'include' });
    } catch (error) {
      throw this.mapError(error, key);
    }
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    assertValidPrefix(prefix);
    const pages = this.container.listBlobsFlat({ prefix: this.prefix + prefix }).byPage({ maxPageSize: this.pageSize });
    while (true) {
      let page;
      try {
        page = await pages.next();
      } catch (error) {
        throw this.mapError(error, prefix);
      }
      if (page.done) return;
      for (const blob of page.value.segment.blobItems) {
        yield {
          key: blob.name.slice(this.prefix.length),
          size: blob.properties.contentLength ?? 0,
          contentType: blob.properties.contentType,
          etag: blob.properties.etag,
          lastModified: blob.properties.lastModified,
        };
      }
    }
  }

  async signedUrl(key: string, options: SignedUrlOptions): Promise<SignedUrl | null> {
    const name = this.blobName(key);
    assertSignedUrlOptions(options);
    if (!(this.container.credential instanceof StorageSharedKeyCredential)) return null;
    const { expiresInSeconds, method, contentType, fileName } = options;
    const blob = this.container.getBlobClient(name);
    const expiresAt = new Date(Date.now() + expiresInSeconds * 1000);
    const url = await blob.generateSasUrl({
      permissions: BlobSASPermissions.parse(method === 'GET' ? 'r' : 'cw'),
      startsOn: new Date(Date.now() - CLOCK_SKEW_MS),
      expiresOn: expiresAt,
      protocol: blob.url.startsWith('https:') ? SASProtocol.Https : SASProtocol.HttpsAndHttp,
      // Response header overrides: they apply to reads only.
      contentType: method === 'GET' ? contentType : undefined,
      contentDisposition: method === 'GET' && fileName !== undefined ? attachmentDisposition(fileName) : undefined,
    });
    // Put Blob needs the blob type; the content type is the uploader's to send (a SAS cannot enforce it).
    const headers: Record<string, string> =
      method === 'PUT' ? { 'x-ms-blob-type': 'BlockBlob', ...(contentType === undefined ? {} : { 'x-ms-blob-content-type': contentType }) } : {};
    return { url, method, headers, expiresAt };
  }

  async close(): Promise<void> {}
}

import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { FilesConfig } from '../config.js';
import { AppError, ForbiddenError, NotFoundError, PayloadTooLargeError, ValidationError } from '../errors.js';
import { requireWorkspaceRole, roleAtLeast, type Viewer } from '../identity/viewer.js';
import type { Logger } from '../logger.js';
import type { Storage } from '../platform/storage/storage.js';
import { checkText, isStorableText, oneOf } from '../shared/input.js';
import { checkPageSize, decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { FileInspector } from './file-inspector.js';
import { checkPurposeAllows, FILE_PURPOSES, type FilePurpose } from './file-purposes.js';
import type { FileUrlSigner, SignedFileUrl } from './file-urls.js';
import type { FileRecord } from './file.entity.js';
import type { FileRepository } from './file.repository.js';

export type FilePage = Page<FileRecord>;
export type FileEdge = FilePage['edges'][number];

/** What the GraphQL multipart request spec gives a resolver for each file. */
export interface IncomingUpload {
  filename: string;
  createReadStream(): Readable;
}

export interface DirectUpload {
  file: FileRecord;
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: Date;
}

/** A display name: no path parts, no control characters, at most 255 characters. */
export function checkFileName(raw: string): string {
  const name = raw.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!name || name.length > 255 || !isStorableText(name)) throw new ValidationError('File names must be 1 to 255 characters', { field: 'name' });
  return name;
}

/** Upload streams fail with http-errors from graphql-upload: map them to coded errors. */
function uploadFailure(error: unknown, maxBytes: number): Error {
  if (error instanceof AppError) return error;
  const status = (error as { status?: number }).status;
  if (status === 413) return new PayloadTooLargeError(`Files may be at most ${maxBytes} bytes`, { maxBytes });
  return new ValidationError('The upload did not complete', { field: 'file' });
}

/**
 * Files of the current workspace: uploads (multipart through GraphQL, or direct to a signed
 * URL), listing, signed downloads and deletion. The record is written PENDING before the
 * object and made READY after it, and removal goes DELETING → object → record, so a crash at
 * any point leaves something the reconciler (file-reconciler.ts) finishes.
 */
export class FileService {
  constructor(
    private readonly repo: FileRepository,
    private readonly viewer: Viewer | null,
    private readonly storage: Storage,
    private readonly signer: FileUrlSigner,
    private readonly config: FilesConfig,
    private readonly log: Logger,
  ) {}

  private get workspaceId(): string {
    return requireWorkspaceRole(this.viewer, 'MEMBER').id;
  }

  filesByIds(ids: readonly string[]): Promise<FileRecord[]> {
    return this.repo.findInWorkspace(this.workspaceId, ids);
  }

  async get(id: string): Promise<FileRecord> {
    const [file] = await this.filesByIds([id]);
    if (!file) throw new NotFoundError('File not found', { id });
    return file;
  }

  async list(first: number, after: string | null | undefined, filter: { purpose?: string | null; nameContains?: string | null; mimeTypePrefix?: string | null }): Promise<FilePage> {
    const size = checkPageSize(first);
    const query = {
      workspaceId: this.workspaceId,
      purpose: filter.purpose ? oneOf(FILE_PURPOSES, filter.purpose, 'purpose') : null,
      nameContains: filter.nameContains ? checkText(filter.nameContains, 'nameContains', 255) : null,
      mimeTypePrefix: filter.mimeTypePrefix ? checkText(filter.mimeTypePrefix, 'mimeTypePrefix', 100) : null,
    };
    const [rows, total] = await Promise.all([this.repo.page(query, size + 1, after ? decodeCursor(after) : undefined), this.repo.count(query)]);
    return toPage(rows, size, total, after);
  }

  // One signature per file per request, so `url` and `urlExpiresAt` always agree (a
  // subscription's long-lived service re-signs once half the lifetime has passed).
  private readonly signed = new Map<string, SignedFileUrl>();

  downloadUrl(file: FileRecord): SignedFileUrl {
    let url = this.signed.get(file.id);
    if (!url || url.expiresAt.getTime() - Date.now() < this.config.urlTtlMs / 2) {
      url = this.signer.sign('download', file.id);
      this.signed.set(file.id, url);
    }
    return url;
  }

  /** Streams one upload into storage; nothing is left behind if it fails or is refused. */
  async upload(upload: Promise<IncomingUpload> | IncomingUpload, purposeInput: string): Promise<FileRecord> {
    const purpose = oneOf(FILE_PURPOSES, purposeInput, 'purpose');
    let incoming: IncomingUpload;
    try {
      incoming = await upload;
    } catch (error) {
      // e.g. the map names a file part that never arrived
      throw uploadFailure(error, this.config.maxBytes);
    }
    // busboy reports an empty filename as undefined
    return this.store(checkFileName(incoming.filename ?? ''), purpose, () => incoming.createReadStream());
  }

  /** Several uploads, one after the other (a multipart body arrives in order anyway). */
  async uploadMany(uploads: readonly (Promise<IncomingUpload> | IncomingUpload)[], purpose: string): Promise<FileRecord[]> {
    if (uploads.length === 0) throw new ValidationError('Send at least one file', { field: 'files' });
    if (uploads.length > this.config.maxFiles) throw new ValidationError(`At most ${this.config.maxFiles} files per request`, { field: 'files' });
    const stored: FileRecord[] = [];
    try {
      for (const upload of uploads) stored.push(await this.upload(upload, purpose));
    } catch (error) {
      // All or nothing: the client gets no IDs for the files stored before the failure.
      for (const file of stored) await this.discard(file);
      throw error;
    }
    return stored;
  }

  /** A tool's binary output, saved as a file of the current workspace. */
  async saveStream(name: string, purpose: FilePurpose, body: () => Readable): Promise<FileRecord> {
    return this.store(checkFileName(name), purpose, body);
  }

  private async store(name: string, purpose: FilePurpose, body: () => Readable): Promise<FileRecord> {
    const workspaceId = this.workspaceId;
    const id = randomUUID();
    const file = await this.repo.create({ id, workspaceId, name, purpose, storageKey: `workspaces/${workspaceId}/files/${id}`, createdBy: this.viewer?.user?.id ?? null });
    const inspector = new FileInspector();
    try {
      // Both sides must settle before cleaning up: a failed save stops the source too
      // (else backpressure would stall it), and a failed source makes the save store nothing.
      const source = body();
      const saving = this.storage.save(file.storageKey, inspector).catch((error: unknown) => {
        inspector.destroy(error as Error);
        throw error;
      });
      const [piped, saved] = await Promise.allSettled([pipeline(source, inspector), saving]);
      if (piped.status === 'rejected') throw piped.reason;
      if (saved.status === 'rejected') throw saved.reason;
      const inspection = await inspector.result(name);
      if (inspection.size > this.config.maxBytes) throw new PayloadTooLargeError(`Files may be at most ${this.config.maxBytes} bytes`, { maxBytes: this.config.maxBytes });
      checkPurposeAllows(purpose, inspection.mimeType);
      Object.assign(file, inspection, { status: 'READY' });
      return await this.repo.save(file);
    } catch (error) {
      await this.discard(file);
      throw uploadFailure(error, this.config.maxBytes);
    }
  }

  /** Best effort; whatever fails here is left PENDING for the reconciler. */
  private async discard(file: FileRecord): Promise<void> {
    try {
      await this.storage.delete(file.storageKey);
      await this.repo.remove(file);
    } catch (error) {
      this.log.warn({ err: error, fileId: file.id }, 'could not discard a failed upload; the reconciler will');
    }
  }

  async delete(id: string): Promise<FileRecord> {
    const file = await this.get(id);
    const viewer = requireWorkspaceRole(this.viewer, 'MEMBER');
    const isCreator = file.createdBy !== null && file.createdBy === this.viewer?.user?.id;
    if (!isCreator && !roleAtLeast(viewer.role, 'ADMIN')) throw new ForbiddenError('Only the uploader or an ADMIN can delete a file', { requires: 'ADMIN' });
    file.status = 'DELETING';
    await this.repo.save(file);
    await this.storage.delete(file.storageKey); // if this fails the row stays DELETING: hidden, and finished later
    await this.repo.remove(file);
    return file;
  }

  /** A PENDING record and a URL the client PUTs the bytes to (S3/Azure presigned, else Plugboard's own). */
  async createUploadUrl(input: { name: string; purpose: string; size: number }): Promise<DirectUpload> {
    const workspaceId = this.workspaceId;
    const purpose = oneOf(FILE_PURPOSES, input.purpose, 'purpose');
    if (!Number.isSafeInteger(input.size) || input.size < 0) throw new ValidationError('size must be a byte count', { field: 'size' });
    if (input.size > this.config.maxBytes) throw new PayloadTooLargeError(`Files may be at most ${this.config.maxBytes} bytes`, { maxBytes: this.config.maxBytes });
    const id = randomUUID();
    const file = await this.repo.create({ id, workspaceId, name: checkFileName(input.name), purpose, size: input.size, storageKey: `workspaces/${workspaceId}/files/${id}`, createdBy: this.viewer?.user?.id ?? null });
    const presigned = await this.storage.signedUrl(file.storageKey, { method: 'PUT', expiresInSeconds: Math.ceil(this.config.urlTtlMs / 1000) });
    if (presigned) return { file, url: presigned.url, method: 'PUT', headers: presigned.headers, expiresAt: presigned.expiresAt };
    const own = this.signer.sign('upload', file.id);
    return { file, url: own.url, method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, expiresAt: own.expiresAt };
  }

  /** Checks what arrived at the direct-upload URL (size, type sniffed from the bytes, hash) and lists the file. */
  async completeUpload(id: string): Promise<FileRecord> {
    const [file] = await this.repo.findInWorkspace(this.workspaceId, [id], 'PENDING');
    if (!file) throw new NotFoundError('No pending upload with this ID', { id });
    const info = await this.storage.stat(file.storageKey);
    if (!info) throw new ValidationError('Nothing was uploaded to the URL yet', { field: 'id' });
    if (info.size !== file.size) {
      await this.discard(file);
      throw new ValidationError(`The upload has ${info.size} bytes, not the ${file.size} announced`, { field: 'size' });
    }
    const inspector = new FileInspector();
    await pipeline(await this.storage.load(file.storageKey), inspector, async function* drain(source) {
      for await (const _chunk of source) void _chunk;
    });
    const inspection = await inspector.result(file.name);
    try {
      checkPurposeAllows(file.purpose, inspection.mimeType);
    } catch (error) {
      await this.discard(file);
      throw error;
    }
    Object.assign(file, inspection, { status: 'READY' });
    return this.repo.save(file);
  }

  /** A file's bytes for a tool call (e.g. a multipart FILE parameter), up to `maxBytes`. */
  async contentForTool(id: string, maxBytes: number): Promise<{ name: string; mimeType: string; base64: string }> {
    const file = await this.get(id);
    const bytes = await this.storage.loadWhole(file.storageKey, maxBytes);
    return { name: file.name, mimeType: file.mimeType, base64: bytes.toString('base64') };
  }

  /** A file's bytes (at most `maxBytes`, else PAYLOAD_TOO_LARGE), e.g. a plugin package. */
  async readContent(id: string, maxBytes: number): Promise<Buffer> {
    const file = await this.get(id);
    return this.storage.loadWhole(file.storageKey, maxBytes);
  }
}

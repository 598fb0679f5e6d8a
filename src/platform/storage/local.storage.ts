import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, rmdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import {
  ByteCounter,
  assertMaxBytes,
  assertSaveOptions,
  assertSignedUrlOptions,
  assertValidKey,
  assertValidPrefix,
  assertValidRange,
  readAll,
  type ByteRange,
  type ObjectInfo,
  type SaveOptions,
  type SignedUrl,
  type SignedUrlOptions,
  type Storage,
} from './storage.js';

/** Names of in-progress uploads; reserved, so `list` can skip them and no key can clash with one. */
const TEMP_NAME = /^\.plugboard-upload-[0-9a-f]{16}$/;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/**
 * Objects as files under one root folder: the embedded default. A key's segments are
 * folders and a file name. Saves go to a temp file in the target folder and are renamed
 * into place, so readers never see a partial object. No metadata is kept beside the
 * bytes (stat has no contentType), and there are no signed URLs: the gateway signs its own.
 */
export class LocalStorage implements Storage {
  readonly driver = 'local' as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file for `key`, guaranteed to be inside the root folder. */
  private pathFor(key: string): string {
    assertValidKey(key);
    const segments = key.split('/');
    if (TEMP_NAME.test(segments.at(-1)!)) throw new ValidationError('Invalid storage key: the name is reserved');
    const file = path.resolve(this.root, ...segments);
    // Validation already rules out '..', '/' and '\'; this check makes traversal impossible regardless.
    if (!file.startsWith(this.root + path.sep)) throw new ValidationError('Invalid storage key: outside the storage root');
    return file;
  }

  async save(key: string, body: Readable, options?: SaveOptions): Promise<{ size: number }> {
    let file: string;
    let temp: string;
    let handle: FileHandle;
    try {
      file = this.pathFor(key);
      assertSaveOptions(options);
      temp = path.join(path.dirname(file), `.plugboard-upload-${randomBytes(8).toString('hex')}`);
      handle = await this.createTemp(temp);
    } catch (error) {
      body.destroy();
      throw error;
    }
    const counter = new ByteCounter(options?.contentLength);
    try {
      await pipeline(body, counter, handle.createWriteStream());
      await rename(temp, file);
    } catch (error) {
      body.destroy();
      await rm(temp, { force: true });
      if (errorCode(error) === 'EISDIR' || errorCode(error) === 'ENOTEMPTY') {
        throw new ConflictError('Cannot store an object where other keys continue its path (local storage)');
      }
      throw error;
    }
    return { size: counter.bytes };
  }

  /** Creates the folders and opens `temp` exclusively, retrying when a concurrent delete prunes a folder meanwhile. */
  private async createTemp(temp: string): Promise<FileHandle> {
    for (let attempt = 0; ; attempt++) {
      try {
        await mkdir(path.dirname(temp), { recursive: true });
        return await open(temp, 'wx');
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ENOENT' && attempt < 3) continue;
        if (code === 'ENOTDIR' || code === 'EEXIST') {
          throw new ConflictError('Cannot store an object below the key of another object (local storage)');
        }
        if (code === 'ENAMETOOLONG') throw new ValidationError('Invalid storage key: a segment is too long for this file system');
        throw error;
      }
    }
  }

  async load(key: string, range?: ByteRange): Promise<Readable> {
    const file = this.pathFor(key);
    assertValidRange(range);
    const handle = await this.openFile(key, file);
    try {
      const { size } = await handle.stat();
      if (range && range.start >= size) throw new ValidationError('Byte range not satisfiable', { size });
      // The handle is closed when the stream ends or is destroyed.
      return handle.createReadStream({ start: range?.start, end: range?.end });
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  private async openFile(key: string, file: string): Promise<FileHandle> {
    let handle: FileHandle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENAMETOOLONG') {
        throw new NotFoundError(`No stored object at key "${key}"`);
      }
      throw error;
    }
    // Opening a folder for reading succeeds on Linux; a folder is not an object.
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw new NotFoundError(`No stored object at key "${key}"`);
    }
    return handle;
  }

  async loadWhole(key: string, maxBytes: number): Promise<Buffer> {
    assertMaxBytes(maxBytes);
    return readAll(await this.load(key), maxBytes);
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    const file = this.pathFor(key);
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      return { key, size: info.size, etag: weakEtag(info.size, info.mtimeMs), lastModified: info.mtime };
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG') return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    const file = this.pathFor(key);
    try {
      await unlink(file);
    } catch (error) {
      const code = errorCode(error);
      // EISDIR/EPERM: a folder of other keys, not an object with this key.
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'EPERM' || code === 'ENAMETOOLONG') return;
      throw error;
    }
    await this.pruneEmptyFolders(path.dirname(file));
  }

  /** Removes folders left empty by a delete, up to the root, so a later key can reuse the name. */
  private async pruneEmptyFolders(folder: string): Promise<void> {
    for (let dir = folder; dir.startsWith(this.root + path.sep); dir = path.dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        return; // not empty (or already gone): stop
      }
    }
  }

  /**
   * Removes temp files a crash left behind mid-save (older than `olderThanMs`, so saves in
   * progress are untouched); returns how many. The files reconciler calls it periodically.
   */
  async removeAbandonedUploads(olderThanMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    const sweep = async (folder: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) await sweep(full);
        else if (entry.isFile() && TEMP_NAME.test(entry.name)) {
          const info = await stat(full).catch(() => null); // a save may finish and rename it meanwhile
          if (info && now - info.mtimeMs > olderThanMs) {
            await rm(full, { force: true });
            removed += 1;
          }
        }
      }
    };
    await sweep(this.root);
    return removed;
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    assertValidPrefix(prefix);
    // Walk from the deepest folder the prefix names in full; compare keys for the rest.
    const slash = prefix.lastIndexOf('/');
    const folderKey = slash === -1 ? '' : prefix.slice(0, slash);
    const folder = folderKey === '' ? this.root : path.resolve(this.root, ...folderKey.split('/'));
    yield* this.walk(folder, folderKey, prefix);
  }

  private async *walk(folder: string, folderKey: string, prefix: string): AsyncGenerator<ObjectInfo> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw error;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const key = folderKey === '' ? entry.name : `${folderKey}/${entry.name}`;
      // Symbolic links are neither followed nor listed.
      if (entry.isDirectory()) {
        if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) yield* this.walk(path.join(folder, entry.name), key, prefix);
      } else if (entry.isFile() && !TEMP_NAME.test(entry.name) && key.startsWith(prefix)) {
        try {
          const info = await stat(path.join(folder, entry.name));
          yield { key, size: info.size, etag: weakEtag(info.size, info.mtimeMs), lastModified: info.mtime };
        } catch (error) {
          if (errorCode(error) !== 'ENOENT') throw error; // deleted while listing
        }
      }
    }
  }

  async signedUrl(key: string, options: SignedUrlOptions): Promise<SignedUrl | null> {
    this.pathFor(key);
    assertSignedUrlOptions(options);
    return null;
  }

  async close(): Promise<void> {}
}

function weakEtag(size: number, mtimeMs: number): string {
  return `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
}

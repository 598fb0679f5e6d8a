import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { wellFormedIds } from '../shared/ids.js';
import { likeContaining, likeStartingWith } from '../shared/like.js';
import { afterPosition, type Position } from '../shared/pagination.js';
import { FileRecord, type FileStatus } from './file.entity.js';
import type { FilePurpose } from './file-purposes.js';

export interface FileFilter {
  workspaceId: string;
  purpose?: FilePurpose | null;
  nameContains?: string | null;
  /** e.g. "image/" or "application/pdf". */
  mimeTypePrefix?: string | null;
}

function where(filter: FileFilter): FilterQuery<FileRecord> {
  const conditions: FilterQuery<FileRecord>[] = [{ workspaceId: filter.workspaceId, status: 'READY' }];
  if (filter.purpose) conditions.push({ purpose: filter.purpose });
  if (filter.nameContains) conditions.push({ name: { $ilike: likeContaining(filter.nameContains) } });
  if (filter.mimeTypePrefix) conditions.push({ mimeType: { $like: likeStartingWith(filter.mimeTypePrefix) } });
  return { $and: conditions };
}

export class FileRepository {
  constructor(private readonly em: EntityManager) {}

  findInWorkspace(workspaceId: string, ids: readonly string[], status: FileStatus = 'READY'): Promise<FileRecord[]> {
    return this.em.find(FileRecord, { workspaceId, status, id: { $in: wellFormedIds(ids) } });
  }

  /** A READY file by ID in any workspace: for signed URLs, whose signature is the authorization. */
  async findReady(id: string): Promise<FileRecord | null> {
    const [file] = wellFormedIds([id]);
    return file ? this.em.findOne(FileRecord, { id: file, status: 'READY' }) : null;
  }

  async findPending(id: string): Promise<FileRecord | null> {
    const [file] = wellFormedIds([id]);
    return file ? this.em.findOne(FileRecord, { id: file, status: 'PENDING' }) : null;
  }

  page(filter: FileFilter, limit: number, after?: Position): Promise<FileRecord[]> {
    const conditions: FilterQuery<FileRecord>[] = [where(filter)];
    if (after) conditions.push(afterPosition(after));
    return this.em.find(FileRecord, { $and: conditions }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  count(filter: FileFilter): Promise<number> {
    return this.em.count(FileRecord, where(filter));
  }

  async create(data: Pick<FileRecord, 'id' | 'workspaceId' | 'name' | 'storageKey' | 'purpose' | 'createdBy'> & Partial<FileRecord>): Promise<FileRecord> {
    const file = this.em.create(FileRecord, data);
    await this.em.flush();
    return file;
  }

  async save(file: FileRecord): Promise<FileRecord> {
    await this.em.flush();
    return file;
  }

  async remove(file: FileRecord): Promise<void> {
    await this.em.remove(file).flush();
  }

  /** Rows the reconciler must finish: DELETING ones, and PENDING ones untouched since `staleBefore`. */
  unfinished(staleBefore: Date, limit: number): Promise<FileRecord[]> {
    return this.em.find(FileRecord, { $or: [{ status: 'DELETING' }, { status: 'PENDING', updatedAt: { $lt: staleBefore } }] }, { limit, orderBy: { updatedAt: 'asc' } });
  }
}

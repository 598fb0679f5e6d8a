import { randomUUID } from 'node:crypto';
import { BigIntType, EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { FilePurpose } from './file-purposes.js';

/**
 * PENDING: the object is being written (or a direct upload awaits completeUpload);
 * READY: listed and downloadable; DELETING: the object is being removed. The
 * reconciler finishes DELETING rows and clears PENDING rows left by crashes or
 * abandoned direct uploads, so neither an object nor a record is ever orphaned for long.
 */
export const FILE_STATUSES = ['PENDING', 'READY', 'DELETING'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export class FileRecord {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | 'status' | 'size' | 'mimeType' | 'sha256';
  id: string = randomUUID();
  workspaceId!: string;
  name!: string;
  size = 0;
  /** Sniffed from the content, never taken from the client. */
  mimeType = 'application/octet-stream';
  /** Hex SHA-256 of the content (also the download ETag); empty until READY. */
  sha256 = '';
  storageKey!: string;
  purpose!: FilePurpose;
  status: FileStatus = 'PENDING';
  createdBy!: string | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const FileSchema = new EntitySchema<FileRecord>({
  class: FileRecord,
  tableName: 'files',
  properties: {
    id: { type: 'uuid', primary: true },
    workspaceId: { type: 'uuid' },
    name: { type: 'string' },
    // bigint in SQL (files may pass 2 GB), a JS number here (exact up to 8 PB).
    size: { type: new BigIntType('number') },
    mimeType: { type: 'string' },
    sha256: { type: 'string' },
    storageKey: { type: 'string' },
    purpose: { type: 'string' },
    status: { type: 'string' },
    createdBy: { type: 'uuid', nullable: true },
    createdAt: { type: 'Date' },
    updatedAt: { type: 'Date', onUpdate: () => new Date() },
  },
});

export const fileEntities = [FileSchema];

import { ValidationError } from '../errors.js';

export const FILE_PURPOSES = ['GENERAL', 'IMAGE', 'DOCUMENT', 'TOOL_OUTPUT'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

const DOCUMENT_TYPES = new Set([
  'application/pdf',
  'text/plain',
  'text/markdown',
  'text/csv',
  'application/json',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/epub+zip',
]);

// SVG is left out on purpose: it can carry scripts.
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp', 'image/tiff']);

/** Which sniffed MIME types each purpose accepts; null means any. */
const ALLOWED: Record<FilePurpose, ReadonlySet<string> | null> = {
  GENERAL: null,
  IMAGE: IMAGE_TYPES,
  DOCUMENT: DOCUMENT_TYPES,
  TOOL_OUTPUT: null,
};

export function checkPurposeAllows(purpose: FilePurpose, mimeType: string): void {
  const allowed = ALLOWED[purpose];
  if (allowed && !allowed.has(mimeType)) {
    throw new ValidationError(`A ${purpose} file cannot be ${mimeType}: allowed are ${[...allowed].join(', ')}`, { field: 'purpose', mimeType });
  }
}

import { ValidationError } from '../errors.js';
import { canonicalId } from './ids.js';

export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** Keyset position: rows are ordered by (createdAt, id), both of which the cursor carries. */
export interface Position {
  createdAt: Date;
  id: string;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  try {
    const [createdAt, rawId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const date = new Date(typeof createdAt === 'string' ? createdAt : NaN);
    const id = canonicalId(rawId);
    // Postgres timestamps end at year 294276; JS dates reach ±275760. Stay well inside.
    const year = date.getUTCFullYear();
    if (!id || Number.isNaN(date.getTime()) || year < 1 || year > 9999) throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw new ValidationError('Invalid cursor', { argument: 'after' });
  }
}

export function checkPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new ValidationError(`first must be between 0 and ${MAX_PAGE_SIZE}`, { argument: 'first' });
  }
  return first;
}

/** The keyset condition "after this position" in (createdAt, id) order, for MikroORM filters. */
export function afterPosition(after: Position) {
  return { $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }] };
}

/** The keyset condition "before this position", for newest-first listings. */
export function beforePosition(before: Position) {
  return { $or: [{ createdAt: { $lt: before.createdAt } }, { createdAt: before.createdAt, id: { $lt: before.id } }] };
}

/** Builds a connection from `first + 1` rows (ordered by createdAt, id) fetched after `after`. */
export function toPage<T>(
  rows: T[],
  first: number,
  totalCount: number,
  after?: string | null,
  // Rows ordered by another timestamp (e.g. publishedAt) say which one their cursors carry.
  positionOf: (row: T) => Position = (row) => row as Position,
): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

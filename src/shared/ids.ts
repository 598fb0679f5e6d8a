const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The canonical (lower-case) form of an ID, or null when it cannot be one of ours. */
export function canonicalId(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const lower = id.toLowerCase();
  return UUID.test(lower) ? lower : null;
}

/**
 * IDs are random UUIDs (v4): unguessable across tenants. A value that is not one cannot
 * match any row, so it is dropped before the query rather than failing in Postgres.
 */
export function wellFormedIds(ids: readonly unknown[]): string[] {
  return ids.map(canonicalId).filter((id): id is string => id !== null);
}

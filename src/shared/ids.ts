const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * IDs are random UUIDs (v4): unguessable across tenants. A string that is not one cannot
 * match any row, so it is dropped before the query rather than failing in Postgres.
 */
export function wellFormedIds(ids: readonly string[]): string[] {
  return ids.filter((id) => UUID.test(id));
}

/**
 * What run records may hold. Postgres jsonb refuses NUL characters and unpaired surrogates,
 * which node outputs can contain (a binary HTTP body, a CODE result): they are stored as
 * U+FFFD instead of failing the run. Large values are recorded as a marker, so one node
 * cannot fill the database (or a subscriber's memory) many times over; the nodes after it
 * still get the whole value.
 */

/** Largest node input or output kept in records and events, as JSON. */
export const MAX_RECORDED_BYTES = 256 * 1024;

// An unpaired high surrogate, an unpaired low surrogate, or NUL.
const UNSTORABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;

function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\uFFFD');
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key.replace(UNSTORABLE, '\uFFFD'), clean(member)]));
  }
  return value;
}

/** JSON text Postgres accepts for a jsonb column. */
export function storableJson(value: unknown): string {
  return JSON.stringify(clean(value) ?? null);
}

/** The value, or `{ truncated: true, bytes }` when its JSON is larger than `maxBytes`. */
export function recordable(value: unknown, maxBytes = MAX_RECORDED_BYTES): unknown {
  const bytes = Buffer.byteLength(JSON.stringify(value ?? null));
  return bytes > maxBytes ? { truncated: true, bytes } : value;
}

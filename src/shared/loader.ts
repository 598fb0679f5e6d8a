import DataLoader from 'dataloader';

/** DataLoader options; the default batches and caches for the life of one request. */
export type LoaderOptions = Pick<DataLoader.Options<unknown, unknown>, 'batch' | 'cache'>;

/**
 * A per-request DataLoader over a batch function that returns rows in any order:
 * results come back in key order, with null for keys that matched nothing.
 */
export function loaderBy<K, V>(batch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K, options?: LoaderOptions): DataLoader<K, V | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await batch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  }, options);
}

/** Like `loaderBy`, for one-to-many: every key gets the (possibly empty) list of its rows. */
export function groupLoaderBy<K, V>(batch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K, options?: LoaderOptions): DataLoader<K, V[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<K, V[]>();
    for (const row of await batch(keys)) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  }, options);
}

/**
 * Topic-based publish/subscribe for subscriptions. The memory implementation serves
 * one process; a Redis or Postgres LISTEN/NOTIFY one fans out across processes.
 */
export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Yields every payload published on `topic` until the iterator is returned or `signal` aborts. */
  subscribe<T>(topic: string, signal?: AbortSignal): AsyncIterableIterator<T>;
  close(): Promise<void>;
}

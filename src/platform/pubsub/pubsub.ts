import { AppError } from '../../errors.js';

/**
 * Topic-based publish/subscribe for subscriptions. The memory implementation serves
 * one process; a Redis or Postgres LISTEN/NOTIFY one fans out across processes.
 *
 * Delivery is at most once: a message published while a backend connection is down is
 * lost, so a consumer that must not miss a change re-reads state after (re)subscribing.
 */
export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /**
   * Yields every payload published on `topic` until the iterator is returned or `signal` aborts.
   * With a remote backend, messages published before the backend subscription is in effect
   * (a few milliseconds later) are not seen: use `subscribeReady` when that matters.
   */
  subscribe<T>(topic: string, signal?: AbortSignal): AsyncIterableIterator<T>;
  /**
   * Like `subscribe`, but resolves only once the subscription is effective on the backend:
   * every message published after that is yielded. Rejects if the backend refused it.
   */
  subscribeReady<T>(topic: string, signal?: AbortSignal): Promise<AsyncIterableIterator<T>>;
  close(): Promise<void>;
}

/**
 * A subscriber fell so far behind that its buffer filled up. Its iterator ends with this
 * error (messages were dropped); the consumer should resubscribe and re-read current state.
 */
export class PubSubOverflowError extends AppError {
  readonly code = 'SUBSCRIPTION_OVERFLOW';
  constructor(limit: number) {
    // No topic in the details: they reach the client, and topic names are internal.
    super(`Subscription fell behind by more than ${limit} messages; subscribe again`, { limit });
  }
}

/**
 * Shared by the remote backends (Redis, Postgres): local fan-out over one backend
 * subscription per topic, so both share one tested copy of the subtle parts (ordering of
 * subscribe/unsubscribe, bounded buffers).
 */
import { PubSubOverflowError } from './pubsub.js';

/** Pending messages per iterator before it ends with PubSubOverflowError. */
export const MAX_PENDING = 10_000;

/** What a remote backend does when a topic gains its first, or loses its last, local subscriber. */
export interface TopicBackend {
  /** Resolves once messages published on `topic` from now on reach `TopicFanout.deliver`. */
  listen(topic: string): Promise<void>;
  /** Should not throw: a failed release is the backend's to log. */
  unlisten(topic: string): Promise<void>;
}

interface TopicState {
  readonly subscriptions: Set<Subscription<unknown>>;
  /** Whether the backend subscription is in effect (after listen resolved, until unlisten starts). */
  listening: boolean;
  /** The backend calls for this topic, chained so they run one at a time and in order. */
  queue: Promise<void>;
}

/**
 * Fans each topic out to every local iterator while holding one backend subscription per
 * topic, however many local subscribers it has: taken with the first, released after the last.
 */
export class TopicFanout {
  private readonly topics = new Map<string, TopicState>();
  private closed = false;

  constructor(
    private readonly backend: TopicBackend,
    private readonly maxPending = MAX_PENDING,
  ) {}

  /** Hands a decoded message to every local subscriber of `topic`. */
  deliver(topic: string, payload: unknown): void {
    const state = this.topics.get(topic);
    if (!state) return;
    for (const subscription of state.subscriptions) subscription.push(payload);
  }

  /**
   * A new local iterator on `topic`; `ready` resolves once the backend subscription is in
   * effect (or the iterator ended first), and rejects, ending the iterator with the same
   * error, if the backend refused it. `ready` may be ignored: its rejection is handled.
   */
  subscribe<T>(topic: string, signal?: AbortSignal): { iterator: AsyncIterableIterator<T>; ready: Promise<void> } {
    const abort = () => subscription.finish();
    const subscription: Subscription<T> = new Subscription<T>(this.maxPending, () => {
      signal?.removeEventListener('abort', abort);
      this.leave(topic, subscription);
    });
    if (this.closed || signal?.aborted) {
      subscription.finish();
      return { iterator: subscription, ready: Promise.resolve() };
    }
    let state = this.topics.get(topic);
    if (!state) {
      state = { subscriptions: new Set(), listening: false, queue: Promise.resolve() };
      this.topics.set(topic, state);
    }
    state.subscriptions.add(subscription);
    signal?.addEventListener('abort', abort, { once: true });
    const effective = this.reconcile(topic, state).catch((error: unknown) => {
      subscription.finish(error);
      throw error;
    });
    const ready = Promise.race([effective, subscription.ended]);
    ready.catch(() => {}); // the caller of plain subscribe() sees the error on next() instead
    return { iterator: subscription, ready };
  }

  /** Ends every iterator quietly; backend calls stop (the connections are going away). */
  close(): void {
    this.closed = true;
    for (const state of this.topics.values()) for (const subscription of state.subscriptions) subscription.finish();
    this.topics.clear();
  }

  private leave(topic: string, subscription: Subscription<unknown>): void {
    const state = this.topics.get(topic);
    if (!state?.subscriptions.delete(subscription)) return;
    if (state.subscriptions.size === 0) void this.reconcile(topic, state).catch(() => {});
  }

  /**
   * Brings the backend subscription in line with whether anyone listens locally. Queued per
   * topic, so a release still in flight finishes before a new subscriber's listen starts.
   */
  private reconcile(topic: string, state: TopicState): Promise<void> {
    const run = state.queue.then(async () => {
      if (this.closed) return;
      const wanted = state.subscriptions.size > 0;
      if (wanted && !state.listening) {
        await this.backend.listen(topic);
        state.listening = true;
      } else if (!wanted && state.listening) {
        state.listening = false;
        await this.backend.unlisten(topic);
      }
      if (state.subscriptions.size === 0 && !state.listening && this.topics.get(topic) === state) this.topics.delete(topic);
    });
    state.queue = run.catch(() => {});
    return run;
  }
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/** One local iterator: a bounded buffer between the backend's deliveries and the consumer. */
class Subscription<T> implements AsyncIterableIterator<T> {
  private readonly pending: unknown[] = [];
  private readonly waiting: Array<{ resolve(result: IteratorResult<T>): void; reject(error: unknown): void }> = [];
  private finished = false;
  private error: unknown;
  private markEnded!: () => void;
  /** Resolves when the iterator stops receiving (return, abort, close, overflow, failure). */
  readonly ended = new Promise<void>((resolve) => (this.markEnded = resolve));

  constructor(
    private readonly limit: number,
    private readonly onEnd: () => void,
  ) {}

  push(value: unknown): void {
    if (this.finished) return;
    const waiter = this.waiting.shift();
    if (waiter) return waiter.resolve({ done: false, value: value as T });
    if (this.pending.length >= this.limit) {
      // Delivering what is buffered would only delay the news: the consumer has to re-read anyway.
      this.pending.length = 0;
      return this.finish(new PubSubOverflowError(this.limit));
    }
    this.pending.push(value);
  }

  /**
   * Stops receiving. What is already buffered is still yielded (as the memory backend does on
   * abort), then `error` is thrown once if given, else the iterator is done.
   */
  finish(error?: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.error = error;
    this.onEnd();
    this.markEnded();
    // Waiters exist only while nothing is buffered.
    for (const waiter of this.waiting.splice(0)) {
      if (this.error === undefined) waiter.resolve(DONE);
      else {
        waiter.reject(this.error);
        this.error = undefined;
      }
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.pending.length > 0) return Promise.resolve({ done: false, value: this.pending.shift() as T });
    if (!this.finished) return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
    const error = this.error;
    this.error = undefined;
    return error === undefined ? Promise.resolve(DONE) : Promise.reject(error);
  }

  async return(): Promise<IteratorResult<T>> {
    this.pending.length = 0;
    this.finish();
    return DONE;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

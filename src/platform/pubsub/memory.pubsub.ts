import { EventEmitter, on } from 'node:events';
import type { PubSub } from './pubsub.js';

/** In-process pub/sub: the embedded default for a single gateway process. */
export class MemoryPubSub implements PubSub {
  private readonly emitter = new EventEmitter();
  private readonly closed = new AbortController();

  constructor() {
    // Every open subscription is one listener; the default cap of 10 is far too low.
    this.emitter.setMaxListeners(0);
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    this.emitter.emit(topic, payload);
  }

  subscribe<T>(topic: string, signal?: AbortSignal): AsyncIterableIterator<T> {
    const stop = signal ? AbortSignal.any([signal, this.closed.signal]) : this.closed.signal;
    // `on` throws at once for an aborted signal; the remote drivers give an ended iterator: so does this one.
    const events = stop.aborted ? ([] as unknown[])[Symbol.iterator]() : on(this.emitter, topic, { signal: stop });
    // `on` yields the emit() argument list; unwrap the single payload, and end quietly on abort.
    const iterator: AsyncIterableIterator<T> = {
      async next() {
        try {
          const result = await events.next();
          return result.done ? { done: true, value: undefined } : { done: false, value: (result.value as [T])[0] };
        } catch (error) {
          if ((error as Error).name === 'AbortError') return { done: true, value: undefined };
          throw error;
        }
      },
      async return() {
        await events.return?.();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** `on()` registers its listener synchronously: the subscription is in effect at once. */
  async subscribeReady<T>(topic: string, signal?: AbortSignal): Promise<AsyncIterableIterator<T>> {
    return this.subscribe<T>(topic, signal);
  }

  async close(): Promise<void> {
    this.closed.abort();
  }
}

import { PubSubOverflowError, type PubSub } from '../../platform/pubsub/pubsub.js';
import { eventFromEnvelope, isFinalEvent, runTopic, type RunEnvelope, type WorkflowEvent } from './run-events.js';
import { EVENTS_PER_READ, type RunStore } from './run-store.js';
import { FINAL_RUN_STATUSES } from '../workflow.entities.js';

/** With no event for this long, the follower re-reads the log (covers a lost publication). */
const QUIET_RECHECK_MS = 5_000;

/**
 * A run's events after `afterSequence`, exactly once each and in order: stored ones first,
 * then live ones; ends after the run's final event. The live subscription is made before
 * the log is read, so nothing recorded in between is missed; duplicates are dropped by
 * sequence; a gap (a publication too big to inline, or lost) is filled from the log.
 * `return()` ends it at once, even while waiting.
 */
export function followRun(runId: string, afterSequence: number, store: RunStore, pubsub: PubSub): AsyncIterableIterator<WorkflowEvent> {
  const controller = new AbortController();
  const events = follow(runId, afterSequence, store, pubsub, controller.signal);
  const stream: AsyncIterableIterator<WorkflowEvent> = {
    next: () => events.next(),
    async return() {
      controller.abort();
      await events.return(undefined);
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}

async function* follow(runId: string, afterSequence: number, store: RunStore, pubsub: PubSub, signal: AbortSignal): AsyncGenerator<WorkflowEvent> {
  let live = await pubsub.subscribeReady<RunEnvelope>(runTopic(runId), signal);
  let last = afterSequence;
  try {
    /** Stored events after `last`; true once the final one was yielded. */
    async function* catchUp(): AsyncGenerator<WorkflowEvent, boolean> {
      for (;;) {
        const batch = await store.eventsAfter(runId, last);
        for (const event of batch) {
          last = event.sequence;
          yield event;
          if (isFinalEvent(event)) return true;
        }
        if (batch.length < EVENTS_PER_READ) return false;
      }
    }
    /**
     * Whether the run has ended with nothing more to send: its final event was yielded, or
     * lies before `afterSequence`, or was never written (a process died between recording
     * the ending and its event). Without this a follower could wait forever.
     */
    async function* caughtUpAndEnded(): AsyncGenerator<WorkflowEvent, boolean> {
      if (yield* catchUp()) return true;
      const status = await store.runStatus(runId);
      if (status === null || !FINAL_RUN_STATUSES.includes(status)) return false;
      // Ended: anything written before the status changed is in the log now.
      yield* catchUp();
      return true;
    }
    if (yield* caughtUpAndEnded()) return;
    let waitLive = liveWaiter(live);
    while (!signal.aborted) {
      let next: Awaited<ReturnType<typeof waitLive>>;
      try {
        next = await waitLive(signal);
      } catch (error) {
        if (!(error instanceof PubSubOverflowError)) throw error;
        // Fell behind: subscribe again, and the log fills in whatever was dropped.
        live = await pubsub.subscribeReady<RunEnvelope>(runTopic(runId), signal);
        waitLive = liveWaiter(live);
        next = 'quiet';
      }
      if (next === 'ended') return;
      if (next !== 'quiet') {
        if (next.sequence <= last) continue;
        const event = next.sequence === last + 1 ? eventFromEnvelope(next) : null;
        if (event) {
          last = event.sequence;
          yield event;
          if (isFinalEvent(event)) return;
          continue;
        }
      }
      if (next === 'quiet' ? yield* caughtUpAndEnded() : yield* catchUp()) return;
    }
  } finally {
    await live.return?.();
  }
}

/**
 * Waits for the next live envelope: 'quiet' after QUIET_RECHECK_MS without one, 'ended' when
 * the subscription ends. A read still pending at 'quiet' is kept for the next wait, so no
 * envelope is dropped between waits.
 */
function liveWaiter(live: AsyncIterator<RunEnvelope>) {
  let pending: Promise<IteratorResult<RunEnvelope>> | undefined;
  return async (signal: AbortSignal): Promise<RunEnvelope | 'quiet' | 'ended'> => {
    pending ??= live.next();
    let timer: NodeJS.Timeout | undefined;
    const quiet = new Promise<'quiet'>((resolve) => {
      timer = setTimeout(() => resolve('quiet'), QUIET_RECHECK_MS);
    });
    try {
      const result = await Promise.race([pending, quiet]);
      if (result === 'quiet') return signal.aborted ? 'ended' : 'quiet';
      pending = undefined;
      return result.done ? 'ended' : result.value;
    } finally {
      clearTimeout(timer);
    }
  };
}

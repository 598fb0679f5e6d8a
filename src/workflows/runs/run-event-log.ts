import type { Logger } from '../../logger.js';
import type { PubSub } from '../../platform/pubsub/pubsub.js';
import { envelopeOf, runTopic, type WorkflowEvent, type WorkflowEventData } from './run-events.js';
import type { RunStore } from './run-store.js';

/**
 * The writer of one run's events: numbers them, stores them, then publishes them. Writes
 * are chained, so events are stored and published in sequence order; events appended
 * while a write is in flight go together in the next one (one INSERT for many events when
 * a run is busy).
 */
export class RunEventLog {
  private sequence: number;
  private pending: WorkflowEvent[] = [];
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly runId: string,
    lastSequence: number,
    private readonly store: RunStore,
    private readonly pubsub: PubSub,
    private readonly log: Logger,
  ) {
    this.sequence = lastSequence;
  }

  /** Resolves once the event is stored and published; rejects when it could not be stored. */
  append(data: WorkflowEventData): Promise<void> {
    this.pending.push({ ...data, runId: this.runId, sequence: ++this.sequence, at: new Date() } as WorkflowEvent);
    // A failed write must not stop the later ones: each link starts whatever the last one did.
    this.tail = this.tail.catch(() => undefined).then(() => this.write());
    return this.tail;
  }

  /**
   * The run's final event, after every event before it: `end` stores it together with the
   * run's ending (RunStore.end) and answers whether the run was still this executor's to end.
   */
  appendFinal(data: WorkflowEventData, end: (event: WorkflowEventData & { sequence: number }) => Promise<WorkflowEvent | null>): Promise<boolean> {
    const sequence = ++this.sequence;
    const ended = this.tail
      .catch(() => undefined)
      .then(() => this.write())
      .then(() => end({ ...data, sequence }))
      .then(async (event) => {
        if (event) await publishEvent(this.pubsub, event, this.log);
        return event !== null;
      });
    this.tail = ended.then(() => undefined);
    return ended;
  }

  private async write(): Promise<void> {
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    await this.store.insertEvents(batch);
    for (const event of batch) await publishEvent(this.pubsub, event, this.log);
  }
}

/** Publishes a stored event; a failure is logged: a subscriber missing it catches up from the database. */
export async function publishEvent(pubsub: PubSub, event: WorkflowEvent, log: Logger): Promise<void> {
  await pubsub.publish(runTopic(event.runId), envelopeOf(event)).catch((error: Error) => {
    log.warn({ runId: event.runId, sequence: event.sequence, err: { message: error.message } }, 'publishing a workflow event failed');
  });
}

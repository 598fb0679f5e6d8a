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

  private async write(): Promise<void> {
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
    await this.store.insertEvents(batch);
    for (const event of batch) {
      // Stored already: a subscriber missing this publication catches up from the database.
      await this.pubsub.publish(runTopic(this.runId), envelopeOf(event)).catch((error: Error) => {
        this.log.warn({ runId: this.runId, sequence: event.sequence, err: { message: error.message } }, 'publishing a workflow event failed');
      });
    }
  }
}

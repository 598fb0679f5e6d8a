/**
 * What a run's subscribers receive. Every event gets the run's next sequence number, is
 * stored in `workflow_run_events`, and only then published; a subscriber replays the stored
 * ones after the sequence it has, then follows live ones, so it sees each event exactly
 * once and in order however late it connects.
 */
import type { NodeStatus } from '../workflow.entities.js';

export interface RunError {
  code: string;
  message: string;
}

/** Which node (and which ITERATION element) an event is about. */
export interface NodeRef {
  nodeId: string;
  nodeType: string;
  title: string | null;
  nodeExecutionId: string;
  iterationId: string | null;
  iterationIndex: number | null;
}

export type WorkflowEventData =
  | { type: 'RUN_STARTED'; inputs: Record<string, unknown> }
  | ({ type: 'NODE_STARTED'; inputs: unknown } & NodeRef)
  | ({ type: 'NODE_FINISHED'; status: NodeStatus; outputs: unknown; durationMs: number; attempts: number; error: RunError | null } & NodeRef)
  | { type: 'TEXT_CHUNK'; nodeId: string; nodeExecutionId: string; text: string }
  | { type: 'RUN_FINISHED'; outputs: Record<string, unknown>; durationMs: number }
  | { type: 'RUN_FAILED'; error: RunError; durationMs: number }
  | { type: 'RUN_STOPPED'; durationMs: number };

export type WorkflowEventType = WorkflowEventData['type'];

export type WorkflowEvent = WorkflowEventData & { runId: string; sequence: number; at: Date };

export const FINAL_EVENT_TYPES: ReadonlySet<WorkflowEventType> = new Set(['RUN_FINISHED', 'RUN_FAILED', 'RUN_STOPPED']);

export const isFinalEvent = (event: { type: string }) => FINAL_EVENT_TYPES.has(event.type as WorkflowEventType);

export const runTopic = (runId: string) => `workflow-run:${runId}`;

/**
 * What goes over pub/sub: the event itself when small, else only its sequence number (the
 * subscriber then reads it from the database). Keeps Postgres NOTIFY under its 8 KB limit
 * and big outputs off the wire twice.
 */
export interface RunEnvelope {
  sequence: number;
  event?: Omit<WorkflowEvent, 'at'> & { at: string };
}

export const MAX_INLINE_EVENT_BYTES = 4_000;

export function envelopeOf(event: WorkflowEvent): RunEnvelope {
  const json = JSON.stringify(event);
  return Buffer.byteLength(json) <= MAX_INLINE_EVENT_BYTES ? { sequence: event.sequence, event: JSON.parse(json) as RunEnvelope['event'] } : { sequence: event.sequence };
}

export function eventFromEnvelope(envelope: RunEnvelope): WorkflowEvent | null {
  return envelope.event ? ({ ...envelope.event, at: new Date(envelope.event.at) } as WorkflowEvent) : null;
}

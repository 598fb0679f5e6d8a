import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../../logger.js';
import type { PubSub } from '../../platform/pubsub/pubsub.js';
import { MapVariablePool } from '../graph/variables.js';
import { RunEventLog } from '../runs/run-event-log.js';
import type { RunError, WorkflowEventData } from '../runs/run-events.js';
import type { RunStore } from '../runs/run-store.js';
import type { WorkflowRun } from '../workflow.entities.js';
import { NodeFailure, RunStoppedSignal } from './engine.errors.js';
import { runGraph, type RunScope } from './graph-runner.js';
import type { NodeServices } from './node-services.js';

/** The run being executed in this async context: a WORKFLOW tool called from it starts its child one level deeper. */
export const currentRun = new AsyncLocalStorage<{ runId: string; depth: number }>();

/** Largest END outputs a run may answer, as JSON. */
export const MAX_RUN_OUTPUT_BYTES = 1024 * 1024;

export interface ExecutionSettings {
  nodeTimeoutMs: number;
  runTimeoutMs: number;
}

export interface ExecutionDeps {
  store: RunStore;
  pubsub: PubSub;
  log: Logger;
  settings: ExecutionSettings;
}

export interface RunOutcome {
  /** False when the run had already been ended elsewhere (declared lost): this outcome was not recorded. */
  recorded: boolean;
  status: 'SUCCEEDED' | 'FAILED' | 'STOPPED';
  outputs: Record<string, unknown> | null;
  error: RunError | null;
}

function outcomeOf(error: unknown, log: Logger, runId: string): RunOutcome {
  if (error instanceof NodeFailure) return { recorded: true, status: 'FAILED', outputs: null, error: { code: error.error.code, message: `Node "${error.nodeId}": ${error.error.message}` } };
  if (error instanceof RunStoppedSignal) {
    if (error.why === 'STOPPED') return { recorded: true, status: 'STOPPED', outputs: null, error: null };
    if (error.why === 'TIMEOUT') return { recorded: true, status: 'FAILED', outputs: null, error: { code: 'RUN_TIMEOUT', message: 'The run did not finish within its time limit' } };
    return { recorded: true, status: 'FAILED', outputs: null, error: { code: 'WORKER_STOPPED', message: 'The server executing the run shut down' } };
  }
  log.error({ err: error, runId }, 'workflow run failed unexpectedly');
  return { recorded: true, status: 'FAILED', outputs: null, error: { code: 'INTERNAL_SERVER_ERROR', message: 'The run failed unexpectedly' } };
}

/**
 * Executes a run this process has claimed, start to end: RUN_STARTED, the graph, then
 * exactly one final event. `stop` aborts it with a RunStoppedSignal reason (a user's stop,
 * shutdown); the run's own time limit aborts it too.
 */
export async function executeRun(run: WorkflowRun, services: NodeServices, deps: ExecutionDeps, stop: AbortSignal): Promise<RunOutcome> {
  const log = deps.log.child({ runId: run.id });
  const events = new RunEventLog(run.id, await deps.store.lastSequence(run.id), deps.store, deps.pubsub, log);
  const started = performance.now();
  await events.append({ type: 'RUN_STARTED', inputs: run.inputs });

  const controller = new AbortController();
  const onStop = () => controller.abort(stop.reason);
  if (stop.aborted) onStop();
  else stop.addEventListener('abort', onStop, { once: true });
  const deadline = setTimeout(() => controller.abort(new RunStoppedSignal('TIMEOUT')), deps.settings.runTimeoutMs);

  const scope: RunScope = {
    run: { id: run.id, workspaceId: run.workspaceId, appId: run.appId, inputs: run.inputs },
    services,
    store: deps.store,
    events,
    log,
    defaultTimeoutMs: deps.settings.nodeTimeoutMs,
    outputs: {},
    executions: 0,
  };
  const pool = new MapVariablePool({ sys: { run_id: run.id, app_id: run.appId, workspace_id: run.workspaceId, user_id: run.userId ?? '' } });
  let outcome: RunOutcome;
  try {
    if (controller.signal.aborted) throw controller.signal.reason;
    await currentRun.run({ runId: run.id, depth: run.depth }, () =>
      runGraph(run.graph.nodes, run.graph.edges, { iterationId: null, iterationIndex: null, pool }, scope, controller.signal),
    );
    // Outputs are stored with the run and sent to every follower: bounded, with a clear code.
    const bytes = Buffer.byteLength(JSON.stringify(scope.outputs));
    outcome =
      bytes <= MAX_RUN_OUTPUT_BYTES
        ? { recorded: true, status: 'SUCCEEDED', outputs: scope.outputs, error: null }
        : { recorded: true, status: 'FAILED', outputs: null, error: { code: 'RUN_OUTPUT_TOO_LARGE', message: `The run's outputs are ${bytes} bytes of JSON; at most ${MAX_RUN_OUTPUT_BYTES}` } };
  } catch (error) {
    outcome = outcomeOf(error, log, run.id);
  } finally {
    clearTimeout(deadline);
    stop.removeEventListener('abort', onStop);
  }

  const durationMs = Math.round(performance.now() - started);
  // Conditional: a run a sweeper already declared lost keeps that ending.
  const final: WorkflowEventData =
    outcome.status === 'SUCCEEDED'
      ? { type: 'RUN_FINISHED', outputs: outcome.outputs!, durationMs }
      : outcome.status === 'STOPPED'
        ? { type: 'RUN_STOPPED', durationMs }
        : { type: 'RUN_FAILED', error: outcome.error!, durationMs };
  outcome.recorded = await events.appendFinal(final, (event) => deps.store.end(run.id, 'active', outcome, event));
  return outcome;
}

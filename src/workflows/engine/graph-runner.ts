/**
 * Runs a graph (the top level, or one element of an ITERATION) as a DAG: a node starts as
 * soon as every incoming edge is decided, so independent branches run in parallel. An edge
 * is taken when its source ran (for IF_ELSE: when its handle is the chosen branch) and
 * skipped otherwise; a node whose incoming edges are all skipped is skipped too, which is
 * how the branch not chosen disappears. The first node to fail stops the others and the
 * run fails with its error.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../logger.js';
import type { IterationNode, WorkflowEdge, WorkflowNode } from '../graph/graph.types.js';
import type { MapVariablePool } from '../graph/variables.js';
import type { RunEventLog } from '../runs/run-event-log.js';
import type { NodeRef, RunError, WorkflowEventData } from '../runs/run-events.js';
import type { RunStore } from '../runs/run-store.js';
import type { NodeStatus } from '../workflow.entities.js';
import { NodeFailure, NodeTimeoutError, RunStoppedSignal } from './engine.errors.js';
import { recordable } from '../runs/storable-json.js';
import { executorOf, nodeErrorOf, type NodeContext, type NodeResult } from './node-executors.js';
import type { NodeServices } from './node-services.js';

/** Everything nodes of one run share. */
export interface RunScope {
  run: { id: string; workspaceId: string; appId: string; inputs: Record<string, unknown> };
  services: NodeServices;
  store: RunStore;
  events: RunEventLog;
  log: Logger;
  defaultTimeoutMs: number;
  /** Outputs of the END nodes reached, merged. */
  outputs: Record<string, unknown>;
  /** Node executions so far. */
  executions: number;
}

interface Level {
  iterationId: string | null;
  iterationIndex: number | null;
  pool: MapVariablePool;
}

function emit(scope: RunScope, data: WorkflowEventData): void {
  // Not awaited: the log keeps order; a write failure shows up when the run's final event is awaited.
  scope.events.append(data).catch(() => undefined);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

/** Settles with `work`, or rejects with the signal's reason as soon as it aborts (some nodes never look at it). */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Node executions one run may make, ITERATIONs and their nesting included. */
export const MAX_NODE_EXECUTIONS = 10_000;

async function executeNode(node: WorkflowNode, level: Level, scope: RunScope, runSignal: AbortSignal): Promise<NodeResult> {
  if (++scope.executions > MAX_NODE_EXECUTIONS) {
    throw new NodeFailure(node.id, { code: 'RUN_TOO_LARGE', message: `A run executes at most ${MAX_NODE_EXECUTIONS} nodes (ITERATION elements included)` });
  }
  const executor = executorOf(node);
  const ref: NodeRef = {
    nodeId: node.id,
    nodeType: node.type,
    title: node.title ?? null,
    nodeExecutionId: randomUUID(),
    iterationId: level.iterationId,
    iterationIndex: level.iterationIndex,
  };
  const timeoutMs = node.timeoutMs ?? scope.defaultTimeoutMs;
  const context = (signal: AbortSignal): NodeContext => ({
    runId: scope.run.id,
    workspaceId: scope.run.workspaceId,
    appId: scope.run.appId,
    runInputs: scope.run.inputs,
    pool: level.pool,
    signal,
    timeoutMs,
    services: scope.services,
    emitText: (text) => emit(scope, { type: 'TEXT_CHUNK', nodeId: node.id, nodeExecutionId: ref.nodeExecutionId, text }),
    iterate: (iteration, items, iterationSignal) => iterate(iteration, items, level, scope, iterationSignal),
  });
  const started = performance.now();
  let inputs: unknown = null;
  let failure: unknown;
  try {
    inputs = executor.prepare(node, context(runSignal));
  } catch (error) {
    failure = error;
  }
  // Recorded while the node runs (one round trip less per node); awaited before its ending is.
  const recordedInputs = recordable(executor.redact?.(inputs) ?? inputs);
  const recorded = scope.store.startNode({ id: ref.nodeExecutionId, workspaceId: scope.run.workspaceId, runId: scope.run.id, ...ref, inputs: recordedInputs, createdAt: new Date() });
  recorded.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  emit(scope, { type: 'NODE_STARTED', ...ref, inputs: recordedInputs });

  const maxAttempts = node.retry?.maxAttempts ?? 1;
  let attempts = 0;
  let result: NodeResult | undefined;
  // A failure to prepare the inputs is final: the same variables would give the same result.
  while (failure === undefined || attempts > 0) {
    if (attempts > 0) await sleep(node.retry?.intervalMs ?? 0, runSignal);
    if (runSignal.aborted) {
      failure = runSignal.reason;
      break;
    }
    attempts += 1;
    const attempt = new AbortController();
    const stop = () => attempt.abort(runSignal.reason);
    runSignal.addEventListener('abort', stop, { once: true });
    const timer = setTimeout(() => attempt.abort(new NodeTimeoutError(`The node did not finish within ${timeoutMs} ms`)), timeoutMs);
    try {
      result = await unlessAborted(executor.run(node, inputs, context(attempt.signal)), attempt.signal);
      failure = undefined;
      break;
    } catch (error) {
      // A tool or plugin that was aborted reports "cancelled"; what matters is why we aborted it.
      failure = attempt.signal.aborted ? attempt.signal.reason : error;
      if (attempts >= maxAttempts || failure instanceof RunStoppedSignal) break;
    } finally {
      clearTimeout(timer);
      runSignal.removeEventListener('abort', stop);
    }
  }

  const durationMs = Math.round(performance.now() - started);
  let status: NodeStatus = 'SUCCEEDED';
  let error: RunError | null = null;
  if (failure !== undefined) {
    if (failure instanceof RunStoppedSignal) {
      status = 'STOPPED';
      error = { code: 'STOPPED', message: failure.message };
    } else {
      const coded = nodeErrorOf(failure);
      if (!coded.known) scope.log.error({ err: failure, runId: scope.run.id, nodeId: node.id }, 'workflow node failed unexpectedly');
      status = 'FAILED';
      error = { code: coded.code, message: coded.message };
    }
  }
  const outputs = recordable(result?.outputs ?? null);
  await recorded;
  await scope.store.finishNode(ref.nodeExecutionId, { status, attempts: Math.max(attempts, 1), outputs, error, durationMs });
  emit(scope, { type: 'NODE_FINISHED', ...ref, status, outputs, durationMs, attempts: Math.max(attempts, 1), error });
  if (status === 'STOPPED') throw failure;
  if (status === 'FAILED') throw new NodeFailure(node.id, error!);
  level.pool.set(node.id, result!.outputs);
  return result!;
}

/** Runs `nodes` and `edges` to completion; throws the first NodeFailure (or the stop reason). */
export async function runGraph(nodes: readonly WorkflowNode[], edges: readonly WorkflowEdge[], level: Level, scope: RunScope, signal: AbortSignal): Promise<void> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const incoming = new Map<string, number[]>(nodes.map((node) => [node.id, []]));
  const outgoing = new Map<string, number[]>(nodes.map((node) => [node.id, []]));
  edges.forEach((edge, index) => {
    incoming.get(edge.target)?.push(index);
    outgoing.get(edge.source)?.push(index);
  });
  const edgeTaken: (boolean | undefined)[] = edges.map(() => undefined);
  // A failure anywhere stops the rest of this level (and, through the run, everything else).
  const levelAbort = new AbortController();
  const stopLevel = () => levelAbort.abort(signal.reason);
  signal.addEventListener('abort', stopLevel, { once: true });
  const inFlight = new Map<string, Promise<{ nodeId: string; result?: NodeResult; error?: unknown }>>();
  let firstError: unknown;

  const start = (node: WorkflowNode) => {
    inFlight.set(
      node.id,
      executeNode(node, level, scope, levelAbort.signal).then(
        (result) => ({ nodeId: node.id, result }),
        (error: unknown) => ({ nodeId: node.id, error }),
      ),
    );
  };
  /** Decides the targets of `source`'s edges; starts or skips those now fully decided. */
  const decide = (source: string, takenHandle: (edge: WorkflowEdge) => boolean) => {
    for (const index of outgoing.get(source) ?? []) {
      edgeTaken[index] = takenHandle(edges[index]!);
      const target = edges[index]!.target;
      const into = incoming.get(target)!;
      if (into.some((i) => edgeTaken[i] === undefined)) continue;
      if (into.some((i) => edgeTaken[i])) start(byId.get(target)!);
      else decide(target, () => false); // skipped: so are the edges it would have fed
    }
  };

  try {
    for (const node of nodes) if (incoming.get(node.id)!.length === 0) start(node);
    while (inFlight.size > 0) {
      const settled = await Promise.race(inFlight.values());
      inFlight.delete(settled.nodeId);
      if (settled.error !== undefined) {
        firstError ??= settled.error;
        if (!levelAbort.signal.aborted) levelAbort.abort(new RunStoppedSignal('FAILED_ELSEWHERE'));
        continue;
      }
      if (firstError !== undefined) continue;
      const branch = settled.result!.branch;
      decide(settled.nodeId, (edge) => branch === undefined || edge.sourceHandle === branch);
      if (byId.get(settled.nodeId)!.type === 'END' && level.iterationId === null) Object.assign(scope.outputs, settled.result!.outputs);
    }
  } finally {
    signal.removeEventListener('abort', stopLevel);
  }
  if (firstError !== undefined) {
    // Nodes stopped because another failed are not the cause: report the failure itself.
    throw firstError instanceof RunStoppedSignal && firstError.why === 'FAILED_ELSEWHERE' && signal.aborted ? signal.reason : firstError;
  }
}

/** One sub-graph run per item, at most `concurrency` at a time; the first failure stops the rest. */
async function iterate(node: IterationNode, items: unknown[], parent: Level, scope: RunScope, signal: AbortSignal): Promise<unknown[]> {
  const concurrency = Math.max(1, Math.min(node.data.concurrency ?? 1, 10));
  const outputs: unknown[] = new Array(items.length).fill(null);
  const abort = new AbortController();
  const stop = () => abort.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (next < items.length && failure === undefined && !abort.signal.aborted) {
      const index = next++;
      const pool = parent.pool.child();
      pool.set(node.id, { item: items[index], index });
      try {
        await runGraph(node.data.nodes, node.data.edges, { iterationId: node.id, iterationIndex: index, pool }, scope, abort.signal);
        outputs[index] = pool.has(node.data.output) ? pool.get(node.data.output) : null;
      } catch (error) {
        failure ??= error;
        abort.abort(new RunStoppedSignal('FAILED_ELSEWHERE'));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (failure !== undefined) throw failure instanceof RunStoppedSignal && signal.aborted ? signal.reason : failure;
  return outputs;
}

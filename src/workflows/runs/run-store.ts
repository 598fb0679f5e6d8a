import type { MikroORM } from '@mikro-orm/postgresql';
import { NodeExecution, WorkflowRun, type NodeStatus, type RunStatus } from '../workflow.entities.js';
import type { RunError, WorkflowEvent } from './run-events.js';

interface EventRow {
  run_id: string;
  sequence: number;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date | string;
}

/** A run as its executor needs it after claiming it. */
export type ClaimedRun = WorkflowRun;

/**
 * The SQL the run engine needs, outside any request: claiming runs, recording node
 * executions and events, heartbeats. Every state change is one conditional statement, so
 * two processes never both own a run, and a finished run never changes again.
 */
export class RunStore {
  constructor(private readonly orm: MikroORM) {}

  private async execute<T = unknown[]>(sql: string, params: unknown[] = []): Promise<T> {
    return (await this.orm.em.getConnection().execute(sql, params, 'all')) as T;
  }

  async insertEvents(events: readonly WorkflowEvent[]): Promise<void> {
    if (events.length === 0) return;
    const params: unknown[] = [];
    for (const { runId, sequence, type, at, ...payload } of events) params.push(runId, sequence, type, JSON.stringify(payload), at);
    await this.execute(`insert into workflow_run_events (run_id, sequence, type, payload, created_at) values ${events.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, params);
  }

  async eventsAfter(runId: string, after: number, limit = 500): Promise<WorkflowEvent[]> {
    const rows = await this.execute<EventRow[]>(
      'select run_id, sequence, type, payload, created_at from workflow_run_events where run_id = ? and sequence > ? order by sequence limit ?',
      [runId, after, limit],
    );
    return rows.map((row) => ({ ...row.payload, type: row.type, runId: row.run_id, sequence: row.sequence, at: new Date(row.created_at) }) as WorkflowEvent);
  }

  async lastSequence(runId: string): Promise<number> {
    const [row] = await this.execute<{ last: number | null }[]>('select max(sequence) as last from workflow_run_events where run_id = ?', [runId]);
    return row?.last ?? 0;
  }

  async findRun(runId: string): Promise<WorkflowRun | null> {
    return this.orm.em.fork().findOne(WorkflowRun, { id: runId });
  }

  /** QUEUED → RUNNING for this worker; null when another worker has it or it ended. */
  async claim(runId: string, workerId: string): Promise<WorkflowRun | null> {
    const now = new Date();
    const rows = await this.execute<{ id: string }[]>(
      `update workflow_runs set status = 'RUNNING', worker_id = ?, heartbeat_at = ?, started_at = ? where id = ? and status = 'QUEUED' returning id`,
      [workerId, now, now, runId],
    );
    return rows.length > 0 ? this.findRun(runId) : null;
  }

  /** Ends a run that is still active; false when it had already ended (e.g. marked lost). */
  async finish(runId: string, status: Exclude<RunStatus, 'QUEUED' | 'RUNNING'>, outputs: Record<string, unknown> | null, error: RunError | null): Promise<boolean> {
    const rows = await this.execute<{ id: string }[]>(
      `update workflow_runs set status = ?, outputs = ?, error_code = ?, error_message = ?, finished_at = ?, heartbeat_at = null
        where id = ? and status in ('QUEUED', 'RUNNING') returning id`,
      [status, outputs === null ? null : JSON.stringify(outputs), error?.code ?? null, error?.message ?? null, new Date(), runId],
    );
    return rows.length > 0;
  }

  /** Refreshes the heartbeat of this worker's runs; returns those whose stop was requested meanwhile. */
  async heartbeat(runIds: readonly string[], workerId: string): Promise<string[]> {
    if (runIds.length === 0) return [];
    const rows = await this.execute<{ id: string; stop_requested: boolean }[]>(
      `update workflow_runs set heartbeat_at = ? where worker_id = ? and status = 'RUNNING' and id in (${runIds.map(() => '?').join(', ')}) returning id, stop_requested`,
      [new Date(), workerId, ...runIds],
    );
    return rows.filter((row) => row.stop_requested).map((row) => row.id);
  }

  /** Stops a run that has not started: true when it was still QUEUED. */
  async stopQueued(runId: string): Promise<boolean> {
    const rows = await this.execute<{ id: string }[]>(
      `update workflow_runs set status = 'STOPPED', stop_requested = true, finished_at = ? where id = ? and status = 'QUEUED' returning id`,
      [new Date(), runId],
    );
    return rows.length > 0;
  }

  /** Asks the executor of a RUNNING run to stop it; false when the run is not running. */
  async requestStop(runId: string): Promise<boolean> {
    const rows = await this.execute<{ id: string }[]>(`update workflow_runs set stop_requested = true where id = ? and status = 'RUNNING' returning id`, [runId]);
    return rows.length > 0;
  }

  /**
   * Runs whose executor stopped refreshing its heartbeat before `staleBefore`: its process
   * died. Ends them FAILED here and now (one statement, so only one sweeper wins each).
   */
  async failLostRuns(staleBefore: Date, error: RunError): Promise<{ id: string; startedAt: Date | null }[]> {
    const rows = await this.execute<{ id: string; started_at: Date | string | null }[]>(
      `update workflow_runs set status = 'FAILED', error_code = ?, error_message = ?, finished_at = ?, heartbeat_at = null
        where status = 'RUNNING' and heartbeat_at < ? returning id, started_at`,
      [error.code, error.message, new Date(), staleBefore],
    );
    return rows.map((row) => ({ id: row.id, startedAt: row.started_at ? new Date(row.started_at) : null }));
  }

  /** Node executions a lost run left RUNNING. */
  async failRunningNodes(runId: string, error: RunError): Promise<void> {
    await this.execute(`update workflow_node_executions set status = 'FAILED', error_code = ?, error_message = ?, finished_at = ? where run_id = ? and status = 'RUNNING'`, [
      error.code,
      error.message,
      new Date(),
      runId,
    ]);
  }

  /** Runs still QUEUED since before `before` (their job may be lost with an inline queue). */
  async queuedSince(before: Date, limit = 100): Promise<string[]> {
    const rows = await this.execute<{ id: string }[]>(`select id from workflow_runs where status = 'QUEUED' and created_at < ? order by created_at limit ?`, [before, limit]);
    return rows.map((row) => row.id);
  }

  async startNode(execution: Pick<NodeExecution, 'id' | 'workspaceId' | 'runId' | 'nodeId' | 'nodeType' | 'title' | 'iterationId' | 'iterationIndex' | 'inputs' | 'createdAt'>): Promise<void> {
    await this.execute(
      `insert into workflow_node_executions (id, workspace_id, run_id, node_id, node_type, title, iteration_id, iteration_index, status, attempts, inputs, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', 1, ?, ?)`,
      [
        execution.id,
        execution.workspaceId,
        execution.runId,
        execution.nodeId,
        execution.nodeType,
        execution.title,
        execution.iterationId,
        execution.iterationIndex,
        JSON.stringify(execution.inputs ?? null),
        execution.createdAt,
      ],
    );
  }

  async finishNode(id: string, outcome: { status: NodeStatus; attempts: number; outputs: unknown; error: RunError | null; durationMs: number }): Promise<void> {
    await this.execute(
      `update workflow_node_executions set status = ?, attempts = ?, outputs = ?, error_code = ?, error_message = ?, finished_at = ?, duration_ms = ? where id = ?`,
      [outcome.status, outcome.attempts, JSON.stringify(outcome.outputs ?? null), outcome.error?.code ?? null, outcome.error?.message ?? null, new Date(), outcome.durationMs, id],
    );
  }
}

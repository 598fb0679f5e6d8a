import type { MikroORM } from '@mikro-orm/postgresql';
import { NodeExecution, WorkflowRun, type NodeStatus, type RunStatus } from '../workflow.entities.js';
import type { RunError, WorkflowEvent, WorkflowEventData } from './run-events.js';
import { storableJson } from './storable-json.js';

interface EventRow {
  run_id: string;
  sequence: number;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date | string;
}

const EVENTS_PER_INSERT = 1_000;
/** Events read at a time: each may hold up to 256 KB of recorded inputs or outputs. */
export const EVENTS_PER_READ = 100;

export type FinalStatus = Exclude<RunStatus, 'QUEUED' | 'RUNNING'>;
/** When a run may be ended: while active (its executor), while still queued (a stop), or when its heartbeat is stale (a sweeper). */
export type RunEndCondition = 'active' | 'queued' | { staleForMs: number };

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
    // In slices: one statement takes at most 65,535 parameters.
    for (let start = 0; start < events.length; start += EVENTS_PER_INSERT) {
      const slice = events.slice(start, start + EVENTS_PER_INSERT);
      const params: unknown[] = [];
      for (const { runId, sequence, type, at, ...payload } of slice) params.push(runId, sequence, type, storableJson(payload), at);
      await this.execute(`insert into workflow_run_events (run_id, sequence, type, payload, created_at) values ${slice.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, params);
    }
  }

  async eventsAfter(runId: string, after: number, limit = EVENTS_PER_READ): Promise<WorkflowEvent[]> {
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

  async runStatus(runId: string): Promise<RunStatus | null> {
    const [row] = await this.execute<{ status: RunStatus }[]>('select status from workflow_runs where id = ?', [runId]);
    return row?.status ?? null;
  }

  async findRun(runId: string): Promise<WorkflowRun | null> {
    return this.orm.em.fork().findOne(WorkflowRun, { id: runId });
  }

  /** QUEUED → RUNNING for this worker; null when another worker has it or it ended. */
  async claim(runId: string, workerId: string): Promise<WorkflowRun | null> {
    const rows = await this.execute<{ id: string }[]>(
      `update workflow_runs set status = 'RUNNING', worker_id = ?, heartbeat_at = now(), started_at = ? where id = ? and status = 'QUEUED' returning id`,
      [workerId, new Date(), runId],
    );
    return rows.length > 0 ? this.findRun(runId) : null;
  }

  /**
   * Refreshes the heartbeat of this worker's runs (on the database's clock, like the lease
   * check: process clocks may differ). Returns the runs still this worker's, and whether a
   * stop was requested; a run missing from the answer was ended elsewhere (declared lost).
   */
  async heartbeat(runIds: readonly string[], workerId: string): Promise<{ id: string; stop_requested: boolean }[]> {
    if (runIds.length === 0) return [];
    const rows = await this.execute<{ id: string; stop_requested: boolean }[]>(
      `update workflow_runs set heartbeat_at = now() where worker_id = ? and status = 'RUNNING' and id in (${runIds.map(() => '?').join(', ')}) returning id, stop_requested`,
      [workerId, ...runIds],
    );
    return rows;
  }

  /** Asks the executor of a RUNNING run to stop it; false when the run is not running. */
  async requestStop(runId: string): Promise<boolean> {
    const rows = await this.execute<{ id: string }[]>(`update workflow_runs set stop_requested = true where id = ? and status = 'RUNNING' returning id`, [runId]);
    return rows.length > 0;
  }

  /**
   * Ends a run and records its final event in one transaction, if `when` still holds: a
   * follower that sees the run ended finds its final event too, and a run ends only once
   * (the executor and a sweeper racing: one wins). The event takes `event.sequence`, or the
   * next free one. Returns the stored event, or null when the run had ended otherwise.
   */
  async end(
    runId: string,
    when: RunEndCondition,
    ending: { status: FinalStatus; outputs: Record<string, unknown> | null; error: RunError | null },
    event: WorkflowEventData & { sequence?: number },
  ): Promise<WorkflowEvent | null> {
    const condition = when === 'active' ? `status in ('QUEUED', 'RUNNING')` : when === 'queued' ? `status = 'QUEUED'` : `status = 'RUNNING' and heartbeat_at < now() - (? * interval '1 millisecond')`;
    const at = new Date();
    return this.orm.em.fork().transactional(async (em) => {
      const updated = await em.execute<{ id: string }[]>(
        `update workflow_runs set status = ?, outputs = ?, error_code = ?, error_message = ?, finished_at = ?, heartbeat_at = null, stop_requested = stop_requested or ?
          where id = ? and ${condition} returning id`,
        [
          ending.status,
          ending.outputs === null ? null : storableJson(ending.outputs),
          ending.error?.code ?? null,
          ending.error?.message ?? null,
          at,
          ending.status === 'STOPPED',
          runId,
          ...(typeof when === 'object' ? [when.staleForMs] : []),
        ],
      );
      if (updated.length === 0) return null;
      const { sequence, type, ...payload } = event;
      const [row] = await em.execute<{ sequence: number }[]>(
        `insert into workflow_run_events (run_id, sequence, type, payload, created_at)
          values (?, coalesce(?, (select coalesce(max(sequence), 0) + 1 from workflow_run_events where run_id = ?)), ?, ?, ?) returning sequence`,
        [runId, sequence ?? null, runId, type, storableJson(payload), at],
      );
      return { ...event, runId, sequence: row!.sequence, at } as WorkflowEvent;
    });
  }

  /** RUNNING runs whose executor has not refreshed its heartbeat for `leaseMs` (on the database's clock): its process died. */
  async staleRuns(leaseMs: number, limit = 100): Promise<{ id: string; startedAt: Date | null }[]> {
    const rows = await this.execute<{ id: string; started_at: Date | string | null }[]>(
      `select id, started_at from workflow_runs where status = 'RUNNING' and heartbeat_at < now() - (? * interval '1 millisecond') limit ?`,
      [leaseMs, limit],
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

  /**
   * Runs QUEUED whose job was sent before `before` (lost: an inline queue's restart, a crash
   * between recording and queueing); marks them sent now, so each is sent again at most once
   * per sweep however many processes sweep.
   */
  async takeStaleQueued(before: Date, limit = 100): Promise<string[]> {
    const rows = await this.execute<{ id: string }[]>(
      `update workflow_runs set enqueued_at = now() where id in (
         select id from workflow_runs where status = 'QUEUED' and enqueued_at < ? order by enqueued_at limit ? for update skip locked)
       returning id`,
      [before, limit],
    );
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
        storableJson(execution.inputs ?? null),
        execution.createdAt,
      ],
    );
  }

  async finishNode(id: string, outcome: { status: NodeStatus; attempts: number; outputs: unknown; error: RunError | null; durationMs: number }): Promise<void> {
    await this.execute(
      `update workflow_node_executions set status = ?, attempts = ?, outputs = ?, error_code = ?, error_message = ?, finished_at = ?, duration_ms = ? where id = ?`,
      [outcome.status, outcome.attempts, storableJson(outcome.outputs ?? null), outcome.error?.code ?? null, outcome.error?.message ?? null, new Date(), outcome.durationMs, id],
    );
  }
}

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import type { PubSub } from '../platform/pubsub/pubsub.js';
import type { JobQueue } from '../platform/queue/queue.js';
import { PeriodicTask } from '../shared/periodic-task.js';
import { RunStoppedSignal } from './engine/engine.errors.js';
import type { NodeServices } from './engine/node-services.js';
import { executeRun, type RunOutcome } from './engine/run-executor.js';
import { publishEvent } from './runs/run-event-log.js';
import type { RunError } from './runs/run-events.js';
import { RunStore } from './runs/run-store.js';
import type { WorkflowRun } from './workflow.entities.js';

export const RUN_JOB = 'workflow.run';
const CONTROL_TOPIC = 'workflow-control';
/**
 * A QUEUED run whose job was sent this long ago lost it (Postgres: a crash between recording
 * and queueing). The inline queue loses jobs only with its process: runs sent before this
 * process started are sent again, once.
 */
const POSTGRES_QUEUED_GRACE_MS = 10 * 60_000;
const LOST: RunError = { code: 'WORKER_LOST', message: 'The process executing the run stopped responding' };

export interface WorkflowSettings {
  /** Runs of one app QUEUED or RUNNING at once; more answer RATE_LIMITED. */
  maxActiveRuns: number;
  /** Runs this process executes at once. */
  concurrency: number;
  nodeTimeoutMs: number;
  runTimeoutMs: number;
  /** A run whose heartbeat is older than this is declared lost (its process died). */
  leaseMs: number;
  /** How deep WORKFLOW tools may nest runs. */
  maxDepth: number;
  /**
   * Whether CODE nodes may be saved and run: they let any EDITOR run JavaScript on this server,
   * in the code-plugin sandbox (no OS boundary); off for deployments that want none.
   */
  codeNodes: boolean;
}

export interface WorkflowEngineOptions {
  orm: MikroORM;
  pubsub: PubSub;
  queue: JobQueue;
  log: Logger;
  settings: WorkflowSettings;
  /** What the run's nodes call, bound to its workspace. */
  servicesFor(run: WorkflowRun): NodeServices;
  /** Told of every run this process executed to its end (notices); must not throw. */
  onRunEnded?(run: WorkflowRun, outcome: RunOutcome): Promise<void>;
}

/**
 * Executes workflow runs in this process: takes run jobs from the queue (several processes
 * share them with pg-boss), keeps a heartbeat on the runs it executes, stops them on request
 * (from any process, through pub/sub), and sweeps for runs whose process died (FAILED,
 * WORKER_LOST) or whose job was lost (queued again).
 */
export class WorkflowEngine {
  readonly store: RunStore;
  // Host names can be long (pod names): cut, the pid and random part keep it unique.
  readonly workerId = `${hostname().replaceAll(':', '-').slice(0, 40)}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly active = new Map<string, { stop: AbortController; done: Promise<unknown> }>();
  private readonly log: Logger;
  private readonly heartbeats: PeriodicTask<void>;
  private readonly sweeps: PeriodicTask<void>;
  private control?: AsyncIterableIterator<{ runId: string }>;
  private closed = false;
  private readonly startedAt = new Date();

  constructor(private readonly options: WorkflowEngineOptions) {
    this.store = new RunStore(options.orm);
    this.log = options.log;
    const warn = (what: string) => (error: unknown) => this.log.warn({ err: { message: (error as Error).message } }, `workflow ${what} failed`);
    this.heartbeats = new PeriodicTask(() => this.beat(), warn('heartbeat'));
    this.sweeps = new PeriodicTask(() => this.sweep(), warn('sweep'));
  }

  get settings(): WorkflowSettings {
    return this.options.settings;
  }

  async start(): Promise<void> {
    await this.listenForStops();
    await this.options.queue.work<{ runId: string }>(RUN_JOB, async (job) => void (await this.execute(job.data.runId)), { concurrency: this.settings.concurrency });
    await this.heartbeats.start(Math.max(1_000, Math.floor(this.settings.leaseMs / 3)));
    await this.sweeps.start(Math.max(1_000, Math.floor(this.settings.leaseMs / 2)));
  }

  /** Stops asked for on any process reach the one executing the run; the channel is reopened if it ends. */
  private async listenForStops(): Promise<void> {
    const control = await this.options.pubsub.subscribeReady<{ runId: string }>(CONTROL_TOPIC);
    this.control = control;
    void (async () => {
      try {
        for await (const { runId } of control) this.active.get(runId)?.stop.abort(new RunStoppedSignal('STOPPED'));
      } catch (error) {
        this.log.warn({ err: { message: (error as Error).message } }, 'workflow control channel failed');
      }
      // The heartbeat still delivers stops meanwhile (stop_requested), only later.
      if (!this.closed) await this.listenForStops().catch((error: Error) => this.log.warn({ err: { message: error.message } }, 'workflow control channel not reopened'));
    })();
  }

  /** Queues a recorded (QUEUED) run. */
  async enqueue(runId: string): Promise<void> {
    // Retried never: a run's tools may have had effects. A lost run is failed by the sweep instead.
    const expireInSeconds = Math.min(Math.ceil(this.settings.runTimeoutMs / 1000) + 60, 86_399);
    await this.options.queue.send(RUN_JOB, { runId }, { retryLimit: 0, expireInSeconds });
  }

  /** Executes a recorded run here and now, if no one else has it (jobs, and WORKFLOW tools with the caller's signal). */
  async execute(runId: string, signal?: AbortSignal): Promise<RunOutcome | null> {
    // Left QUEUED: another process (or this one after a restart) sends it again.
    if (this.closed) return null;
    const run = await this.store.claim(runId, this.workerId);
    if (!run) return null; // another process took it, or it was stopped while queued
    const stop = new AbortController();
    const onCallerGone = () => stop.abort(new RunStoppedSignal('STOPPED'));
    signal?.addEventListener('abort', onCallerGone, { once: true });
    if (run.stopRequested || signal?.aborted) stop.abort(new RunStoppedSignal('STOPPED'));
    const done = executeRun(run, this.options.servicesFor(run), { store: this.store, pubsub: this.options.pubsub, log: this.log, settings: this.settings }, stop.signal);
    this.active.set(runId, { stop, done });
    try {
      const outcome = await done;
      await this.options.onRunEnded?.(run, outcome);
      return outcome;
    } finally {
      this.active.delete(runId);
      signal?.removeEventListener('abort', onCallerGone);
    }
  }

  /** Asks whichever process executes the run to stop it (stop_requested is set by the caller). */
  async requestStop(runId: string): Promise<void> {
    const local = this.active.get(runId);
    if (local) local.stop.abort(new RunStoppedSignal('STOPPED'));
    else await this.options.pubsub.publish(CONTROL_TOPIC, { runId });
  }

  /** Stops a run that has not started: true when it was still QUEUED. */
  async stopQueued(runId: string): Promise<boolean> {
    const event = await this.store.end(runId, 'queued', { status: 'STOPPED', outputs: null, error: null }, { type: 'RUN_STOPPED', durationMs: 0 });
    if (event) await publishEvent(this.options.pubsub, event, this.log);
    return event !== null;
  }

  private async beat(): Promise<void> {
    const ids = [...this.active.keys()];
    const mine = new Map((await this.store.heartbeat(ids, this.workerId)).map((row) => [row.id, row.stop_requested]));
    for (const runId of ids) {
      const run = this.active.get(runId);
      // A stop whose publication this process missed still arrives here.
      if (mine.get(runId)) run?.stop.abort(new RunStoppedSignal('STOPPED'));
      // Declared lost meanwhile (this process stalled past the lease): its ending is written; stop its work.
      else if (!mine.has(runId)) run?.stop.abort(new RunStoppedSignal('LOST'));
    }
  }

  private async sweep(): Promise<void> {
    for (const stale of await this.store.staleRuns(this.settings.leaseMs)) {
      try {
        const durationMs = stale.startedAt ? Date.now() - stale.startedAt.getTime() : 0;
        // Conditional again: only one sweeper ends it, and not if its heartbeat came back.
        const event = await this.store.end(stale.id, { staleForMs: this.settings.leaseMs }, { status: 'FAILED', outputs: null, error: LOST }, { type: 'RUN_FAILED', error: LOST, durationMs });
        if (!event) continue;
        this.log.warn({ runId: stale.id }, 'workflow run lost its worker: marked FAILED');
        await this.store.failRunningNodes(stale.id, LOST);
        await publishEvent(this.options.pubsub, event, this.log);
      } catch (error) {
        this.log.warn({ runId: stale.id, err: { message: (error as Error).message } }, 'ending a lost workflow run failed');
      }
    }
    const before = this.options.queue.driver === 'inline' ? this.startedAt : new Date(Date.now() - POSTGRES_QUEUED_GRACE_MS);
    for (const runId of await this.store.takeStaleQueued(before)) await this.enqueue(runId);
  }

  /** Stops taking runs; runs in flight end FAILED (WORKER_STOPPED) unless they finish first. */
  async close(): Promise<void> {
    this.closed = true;
    await this.heartbeats.stop();
    await this.sweeps.stop();
    await this.control?.return?.();
    for (const { stop } of this.active.values()) stop.abort(new RunStoppedSignal('SHUTDOWN'));
    await Promise.allSettled([...this.active.values()].map((run) => run.done));
  }
}

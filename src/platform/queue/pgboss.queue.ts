import PgBoss from 'pg-boss';
import type { Logger } from '../../logger.js';
import {
  assertConcurrency,
  assertJobName,
  logFailedAttempt,
  resolveJobOptions,
  runAttempt,
  serializeJobData,
} from './job-options.js';
import type { Job, JobHandler, JobOptions, JobQueue, WorkOptions } from './queue.js';

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_STOP_TIMEOUT_MS = 10_000;

export interface PgBossQueueOptions {
  connectionString: string;
  /** The Postgres schema pg-boss creates (on start) and keeps its tables in. Default 'pgboss'. */
  schema?: string;
  log: Logger;
  /** How often an idle worker asks for jobs. Default 2 s; pg-boss's minimum is 0.5 s. */
  pollingIntervalSeconds?: number;
  /** Connections in pg-boss's pool. Default 10; 1 behind a PGlite socket server, which serves one. */
  poolSize?: number;
  /**
   * How often a process looks for active jobs past their expiry (their worker died) and
   * fails them, so they are retried. Default: pg-boss's 120 s.
   */
  maintenanceIntervalSeconds?: number;
}

/**
 * Jobs in Postgres through pg-boss 10, shared by every process on the database: each job
 * is taken by one worker (`FOR UPDATE SKIP LOCKED`).
 *
 * Durability, which the product relies on: a job whose process dies mid-attempt stays
 * 'active' until its expireInSeconds pass; then the maintenance of any live process
 * (every `maintenanceIntervalSeconds`) fails it and, while retries remain, it runs again
 * elsewhere. So a job may run more than once: handlers must be idempotent.
 */
export class PgBossQueue implements JobQueue {
  readonly driver = 'postgres' as const;
  readonly #boss: PgBoss;
  readonly #log: Logger;
  readonly #pollingIntervalSeconds: number;
  /** pg-boss 10 silently drops jobs of a queue that doesn't exist: create each one once. */
  readonly #queues = new Map<string, Promise<void>>();
  readonly #handled = new Set<string>();
  #stopping: Promise<void> | undefined;

  constructor(options: PgBossQueueOptions) {
    this.#log = options.log;
    this.#pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    this.#boss = new PgBoss({
      connectionString: options.connectionString,
      schema: options.schema ?? 'pgboss',
      max: options.poolSize ?? 10,
      application_name: 'plugboard-queue',
      // No cron schedules here: skip the timekeeper and its polling.
      schedule: false,
      ...(options.maintenanceIntervalSeconds === undefined ? {} : { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }),
    });
    // Message only: pg errors can carry query text and job data; never log the connection string.
    this.#boss.on('error', (error: { message?: unknown }) => {
      this.#log.error({ err: { message: String(error?.message ?? error) } }, 'job queue error');
    });
  }

  /** Connects and creates (or migrates) pg-boss's schema. Call once, before anything else. */
  async start(): Promise<this> {
    await this.#boss.start();
    return this;
  }

  async send<T extends object>(name: string, data: T, options?: JobOptions): Promise<string> {
    if (this.#stopping) throw new Error('queue stopped');
    const resolved = resolveJobOptions(name, data, options);
    serializeJobData(data); // refuse what JSON can't hold, as the inline driver does
    await this.#createQueue(name);
    const id = await this.#boss.send(name, data, {
      retryLimit: resolved.retryLimit,
      retryDelay: resolved.retryDelaySeconds,
      retryBackoff: resolved.retryBackoff,
      expireInSeconds: resolved.expireInSeconds,
      // A string of seconds is added to the database's now(), so app clocks don't matter.
      ...(resolved.startAfterSeconds > 0 ? { startAfter: resolved.startAfterSeconds.toFixed(3) } : {}),
    });
    // Only singleton/throttled sends (unused here) or a missing queue return null.
    if (!id) throw new Error(`Job queue "${name}" did not accept the job`);
    return id;
  }

  async work<T extends object>(name: string, handler: JobHandler<T>, options: WorkOptions = {}): Promise<void> {
    if (this.#stopping) throw new Error('queue stopped');
    assertJobName(name);
    const concurrency = assertConcurrency(options.concurrency ?? DEFAULT_CONCURRENCY);
    if (this.#handled.has(name)) throw new Error(`A handler for job "${name}" is already registered`);
    this.#handled.add(name);
    try {
      await this.#createQueue(name);
    } catch (error) {
      this.#handled.delete(name); // so a later work() may try again
      throw error;
    }
    // pg-boss 10 has no teamSize: a worker fetches `batchSize` jobs and completes or fails
    // them together, then fetches again. N workers of one job each are N independent slots
    // (each polls on its own while idle; after a job it waits out the polling interval).
    const workOptions = { batchSize: 1, includeMetadata: true as const, pollingIntervalSeconds: this.#pollingIntervalSeconds };
    for (let slot = 0; slot < concurrency; slot++) {
      await this.#boss.work<T>(name, workOptions, async ([job]) => {
        if (job) await this.#attempt(handler, job);
      });
    }
  }

  /**
   * Stops fetching, waits up to `timeoutMs` (pg-boss: at least 1 s, checked every 0.5 s)
   * for running handlers, then fails the jobs still running (retried elsewhere while
   * retries remain; their handlers here are not cancelled) and closes the pool.
   */
  stop(timeoutMs = DEFAULT_STOP_TIMEOUT_MS): Promise<void> {
    this.#stopping ??= this.#boss.stop({ graceful: true, timeout: timeoutMs, wait: true, close: true });
    return this.#stopping;
  }

  /** Resolving completes the job; throwing fails it, and pg-boss schedules the retry. */
  async #attempt<T>(handler: JobHandler<T>, raw: PgBoss.JobWithMetadata<T>): Promise<void> {
    // pg-boss counts retries: it bumps retryCount when it hands out a job that ran before.
    const job: Job<T> = {
      id: raw.id,
      name: raw.name,
      data: raw.data,
      attempt: raw.retryCount + 1,
      lastAttempt: raw.retryCount >= raw.retryLimit,
    };
    try {
      // pg-boss races the handler against the expiry too; ours fails first with a clear message.
      // expireInSeconds comes from a numeric column: a string at run time.
      await runAttempt(handler, job, Number(raw.expireInSeconds));
    } catch (error) {
      logFailedAttempt(this.#log, job, error);
      throw error;
    }
  }

  #createQueue(name: string): Promise<void> {
    let created = this.#queues.get(name);
    if (!created) {
      // A plain 'standard' queue: every job carries its own retry and expiry options.
      // createQueue is idempotent (ON CONFLICT DO NOTHING), so processes may race to it.
      created = this.#boss.createQueue(name);
      // If it failed (database unreachable), the next send or work tries again.
      created.catch(() => this.#queues.delete(name));
      this.#queues.set(name, created);
    }
    return created;
  }
}

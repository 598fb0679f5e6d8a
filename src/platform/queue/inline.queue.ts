import { randomUUID } from 'node:crypto';
import type { Logger } from '../../logger.js';
import {
  assertConcurrency,
  assertJobName,
  logFailedAttempt,
  resolveJobOptions,
  retryDelaySeconds,
  runAttempt,
  serializeJobData,
  type ResolvedJobOptions,
} from './job-options.js';
import type { Job, JobHandler, JobOptions, JobQueue, WorkOptions } from './queue.js';

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_STOP_TIMEOUT_MS = 10_000;
/** setTimeout's longest delay (about 24.8 days); longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface StoredJob {
  id: string;
  name: string;
  /** JSON, parsed afresh for every attempt, as pg-boss would hand it over. */
  data: string;
  options: ResolvedJobOptions;
  /** The attempt it runs as next: 1, then 2 for the first retry, … */
  attempt: number;
}

interface Worker {
  handler: JobHandler<object>;
  concurrency: number;
  running: number;
}

/**
 * The embedded default: jobs live in this process's memory and run here. Nothing survives
 * a restart (callers keep their own records for that, see queue.ts); a process serves only
 * its own jobs.
 */
export class InlineQueue implements JobQueue {
  readonly driver = 'inline' as const;
  readonly #log: Logger;
  readonly #workers = new Map<string, Worker>();
  /** Jobs due now, per name, oldest first, waiting for a handler or a free slot. */
  readonly #ready = new Map<string, StoredJob[]>();
  /** Jobs not due yet (startAfterSeconds, retry delays). Unref'd: they never keep the process alive. */
  readonly #timers = new Set<NodeJS.Timeout>();
  /** Attempts in progress, for stop() to wait on. */
  readonly #running = new Set<Promise<void>>();
  #stopped = false;

  constructor(log: Logger) {
    this.#log = log;
  }

  async send<T extends object>(name: string, data: T, options?: JobOptions): Promise<string> {
    if (this.#stopped) throw new Error('queue stopped');
    const resolved = resolveJobOptions(name, data, options);
    const job: StoredJob = { id: randomUUID(), name, data: serializeJobData(data), options: resolved, attempt: 1 };
    this.#schedule(job, Date.now() + resolved.startAfterSeconds * 1000);
    return job.id;
  }

  async work<T extends object>(name: string, handler: JobHandler<T>, options: WorkOptions = {}): Promise<void> {
    if (this.#stopped) throw new Error('queue stopped');
    assertJobName(name);
    const concurrency = assertConcurrency(options.concurrency ?? DEFAULT_CONCURRENCY);
    if (this.#workers.has(name)) throw new Error(`A handler for job "${name}" is already registered`);
    // Handlers only ever see data parsed from JSON, so the cast loses nothing at run time.
    this.#workers.set(name, { handler: handler as JobHandler<object>, concurrency, running: 0 });
    this.#pump(name);
  }

  async stop(timeoutMs = DEFAULT_STOP_TIMEOUT_MS): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#ready.clear();
    if (this.#running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.#running]), timeout]);
    clearTimeout(timer);
  }

  /** Runs the job at `runAt` (epoch ms), or as soon as a handler and a slot are free after it. */
  #schedule(job: StoredJob, runAt: number): void {
    const wait = runAt - Date.now();
    if (wait <= 0) {
      const ready = this.#ready.get(job.name);
      if (ready) ready.push(job);
      else this.#ready.set(job.name, [job]);
      this.#pump(job.name);
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#schedule(job, runAt);
    }, Math.min(wait, MAX_TIMER_MS));
    timer.unref();
    this.#timers.add(timer);
  }

  /** Starts waiting jobs of `name` while its handler has free slots. */
  #pump(name: string): void {
    const worker = this.#workers.get(name);
    const ready = this.#ready.get(name);
    if (this.#stopped || !worker || !ready) return;
    while (worker.running < worker.concurrency) {
      const job = ready.shift();
      if (!job) break;
      this.#run(worker, job);
    }
    if (ready.length === 0) this.#ready.delete(name);
  }

  #run(worker: Worker, stored: StoredJob): void {
    const job: Job<object> = {
      id: stored.id,
      name: stored.name,
      data: JSON.parse(stored.data) as object,
      attempt: stored.attempt,
      lastAttempt: stored.attempt > stored.options.retryLimit,
    };
    worker.running += 1;
    // An attempt that expires frees its slot although its handler may still be running
    // (see runAttempt): the same trade pg-boss makes, so a stuck handler can't block a queue.
    const attempt: Promise<void> = runAttempt(worker.handler, job, stored.options.expireInSeconds)
      .catch((error: unknown) => this.#failed(stored, job, error))
      .finally(() => {
        worker.running -= 1;
        this.#running.delete(attempt);
        this.#pump(stored.name);
      });
    this.#running.add(attempt);
  }

  #failed(stored: StoredJob, job: Job<object>, error: unknown): void {
    logFailedAttempt(this.#log, job, error);
    // After stop() nothing new is scheduled: the retry is dropped like any waiting job.
    if (job.lastAttempt || this.#stopped) return;
    const delay = retryDelaySeconds(stored.options, stored.attempt);
    this.#schedule({ ...stored, attempt: stored.attempt + 1 }, Date.now() + delay * 1000);
  }
}

/**
 * Background jobs: one small interface, two drivers. `inline` (the embedded default) runs
 * jobs in this process from memory; `postgres` (pg-boss 10) keeps them in Postgres so
 * several processes share them and a job whose process dies is retried after it expires.
 * Whatever must survive a restart with the inline driver belongs in the caller's own
 * table (mail keeps a delivery record per message and re-sends the unfinished ones).
 */

export type QueueDriver = 'inline' | 'postgres';

export interface JobOptions {
  /** Retries after the first attempt when the handler throws (or expires): 0 to 100. Default 0. */
  retryLimit?: number;
  /** Whole seconds before the first retry (pg-boss stores an integer). Default 1. */
  retryDelaySeconds?: number;
  /**
   * Double the delay after each failed attempt (1, 2, 4, … × retryDelaySeconds, at least 1 s).
   * pg-boss adds up to 100% random jitter to each delay. Default false.
   */
  retryBackoff?: boolean;
  /** Run no earlier than this many seconds from now (fractions allowed, up to 366 days). Default 0. */
  startAfterSeconds?: number;
  /**
   * An attempt running longer than this counts as failed (and may be retried): 1 s to just
   * under 24 h (pg-boss's range). The handler is not cancelled; its late result is ignored.
   * Default 15 min.
   */
  expireInSeconds?: number;
}

export interface Job<T> {
  id: string;
  name: string;
  data: T;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** True when a failure now will not be retried (attempt = retryLimit + 1). */
  lastAttempt: boolean;
}

/** Throws to fail the attempt (retried while retries remain); resolves to complete the job. */
export type JobHandler<T> = (job: Job<T>) => Promise<void>;

export interface WorkOptions {
  /** Jobs of this name run at most this many at a time in this process: 1 to 100. Default 4. */
  concurrency?: number;
}

export interface JobQueue {
  readonly driver: QueueDriver;
  /**
   * Queues a job; resolves to its ID once it is stored (in memory or in Postgres). A bad
   * name or option, or data JSON can't hold, throws ValidationError (BAD_USER_INPUT).
   */
  send<T extends object>(name: string, data: T, options?: JobOptions): Promise<string>;
  /** Starts taking jobs of `name`; one handler per name per process. */
  work<T extends object>(name: string, handler: JobHandler<T>, options?: WorkOptions): Promise<void>;
  /**
   * Stops taking jobs and waits up to `timeoutMs` for running handlers; the inline driver
   * drops jobs still waiting (callers re-create them from their own records at start).
   */
  stop(timeoutMs?: number): Promise<void>;
}

/** Job names: letters, digits, `_`, `-`, `.` and `/` (pg-boss queue names), 1 to 100 characters. */
export const JOB_NAME = /^[A-Za-z0-9_.\-/]{1,100}$/;

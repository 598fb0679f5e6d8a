/**
 * The rules both queue drivers share: which job names and options are accepted, their
 * defaults, the retry delay and how one attempt runs. Keeping them in one place means a
 * job refused (or accepted) by the inline driver is refused (or accepted) by pg-boss too.
 */
import { ValidationError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { JOB_NAME, type Job, type JobHandler, type JobOptions } from './queue.js';

export type ResolvedJobOptions = Required<JobOptions>;

export const MAX_RETRY_LIMIT = 100;
/** pg-boss stores the retry delay as an integer; one day is plenty between tries. */
export const MAX_RETRY_DELAY_SECONDS = 24 * 60 * 60;
/** pg-boss refuses expirations under 1 s or of 24 h and more. */
export const MIN_EXPIRE_SECONDS = 1;
export const MAX_EXPIRE_SECONDS = 24 * 60 * 60 - 1;
/** A job for next year is a scheduling bug, and keeps Postgres intervals in range. */
export const MAX_START_AFTER_SECONDS = 366 * 24 * 60 * 60;

const DEFAULTS: ResolvedJobOptions = {
  retryLimit: 0,
  retryDelaySeconds: 1,
  retryBackoff: false,
  startAfterSeconds: 0,
  expireInSeconds: 15 * 60,
};

export function assertJobName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !JOB_NAME.test(name)) {
    throw new ValidationError('Invalid job name: use 1 to 100 letters, digits, "_", "-", "." or "/"', { field: 'name' });
  }
}

/** Checks a job before it is stored. Messages name the option, never the job data. */
export function resolveJobOptions(name: unknown, data: unknown, options: JobOptions | undefined): ResolvedJobOptions {
  assertJobName(name);
  if (typeof data !== 'object' || data === null) {
    throw new ValidationError('Job data must be an object', { field: 'data' });
  }
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new ValidationError('Job options must be an object', { field: 'options' });
  }
  const resolved = { ...DEFAULTS };
  const given = options ?? {};
  if (given.retryLimit !== undefined) resolved.retryLimit = integer('retryLimit', given.retryLimit, 0, MAX_RETRY_LIMIT);
  if (given.retryDelaySeconds !== undefined) {
    resolved.retryDelaySeconds = integer('retryDelaySeconds', given.retryDelaySeconds, 0, MAX_RETRY_DELAY_SECONDS);
  }
  if (given.retryBackoff !== undefined) {
    if (typeof given.retryBackoff !== 'boolean') throw invalid('retryBackoff', 'must be true or false');
    resolved.retryBackoff = given.retryBackoff;
  }
  if (given.startAfterSeconds !== undefined) {
    resolved.startAfterSeconds = finite('startAfterSeconds', given.startAfterSeconds, 0, MAX_START_AFTER_SECONDS);
  }
  if (given.expireInSeconds !== undefined) {
    resolved.expireInSeconds = finite('expireInSeconds', given.expireInSeconds, MIN_EXPIRE_SECONDS, MAX_EXPIRE_SECONDS);
  }
  return resolved;
}

/** Up to 100 at a time: pg-boss runs one polling worker per slot. */
export const MAX_CONCURRENCY = 100;

/**
 * Job data as stored: JSON, as Postgres keeps it, so both drivers hand handlers the same
 * thing (dates become strings) and later changes to the sender's object don't leak in.
 */
export function serializeJobData(data: object): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch {
    // A BigInt or a cycle. The error's text may quote the data, so it is not passed on.
  }
  if (typeof json !== 'string') throw new ValidationError('Job data must be serialisable as JSON', { field: 'data' });
  return json;
}

export function assertConcurrency(concurrency: unknown): number {
  return integer('concurrency', concurrency, 1, MAX_CONCURRENCY);
}

/**
 * Seconds to wait before the retry that follows failed attempt `attempt` (1-based). With
 * backoff: delay × 2^(attempt-1), the exponent capped at 15 and the delay at least 1 s, as
 * pg-boss computes it (pg-boss then adds up to 100% random jitter; the inline driver doesn't).
 */
export function retryDelaySeconds(options: ResolvedJobOptions, attempt: number): number {
  if (!options.retryBackoff) return options.retryDelaySeconds;
  return Math.max(options.retryDelaySeconds, 1) * 2 ** (Math.min(attempt, 16) - 1);
}

/**
 * Runs one attempt: resolves when the handler does, rejects when it throws or runs past
 * `expireInSeconds`. An expired handler is not cancelled (JavaScript can't stop it): it
 * keeps running and whatever it does later is ignored, so handlers must be idempotent.
 */
export async function runAttempt<T>(handler: JobHandler<T>, job: Job<T>, expireInSeconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`job expired after ${expireInSeconds}s`)), expireInSeconds * 1000);
    timer.unref();
  });
  try {
    // `then` turns a handler that throws synchronously into a rejection like any other.
    await Promise.race([Promise.resolve().then(() => handler(job)), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Logs a failed attempt: a warning when it was the last (the job is given up), else a
 * debug line. Never the job data: it may hold personal data. The message is the
 * handler's own; handlers keep data out of it.
 */
export function logFailedAttempt(log: Logger, job: Job<unknown>, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const fields = { job: job.name, jobId: job.id, attempt: job.attempt, err: { message } };
  if (job.lastAttempt) log.warn(fields, 'job failed');
  else log.debug(fields, 'job attempt failed, will retry');
}

function invalid(option: string, rule: string): ValidationError {
  return new ValidationError(`Invalid job option ${option}: ${rule}`, { field: option });
}

function integer(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(option, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

function finite(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalid(option, `must be a number from ${min} to ${max}`);
  }
  return value;
}

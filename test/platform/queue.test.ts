/**
 * One behaviour suite, run against both job queue drivers: inline (memory) and postgres
 * (pg-boss 10). pg-boss runs on the suite's server Postgres when there is one (CI sets
 * DATABASE_URL), else on a throwaway PGlite served on the Postgres wire protocol
 * (pglite-socket), which pg-boss 10 works against with a pool of one connection.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createQueue, PgBossQueue, type Job, type JobQueue, type PgBossQueueOptions, type QueueDriver } from '../../src/platform/queue/index.js';
import { createTestDatabase } from '../support/database.js';
import { until, wait } from '../support/timing.js';

const silent = createLogger('silent');
/** pg-boss's shortest polling interval, so its tests stay quick. */
const POLLING_SECONDS = 0.5;
/** Timer and clock granularity allowed in "not before" checks. */
const CLOCK_SLACK_MS = 50;

/** Known when the file is collected: CI's server-Postgres leg, or embedded PGlite. */
const serverPostgres = inject('databaseTemplate').kind === 'server';

interface TestPostgres {
  url: string;
  poolSize: number;
  /** Resolves once no client is connected: the PGlite socket serves one at a time. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

async function startPostgres(): Promise<TestPostgres> {
  const database = await createTestDatabase();
  if (database.url) {
    return { url: database.url, poolSize: 4, idle: async () => {}, stop: () => database.dispose() };
  }
  // This file's copy of the migrated template (opening it takes a second; creating an
  // empty PGlite, several). Served like src/platform/db/embedded-postgres.ts does: one
  // connection, as a second would share (and interleave on) its single session, so the
  // queues here take turns.
  const db = await PGlite.create(path.join(database.dataDir, 'db'));
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres`,
    poolSize: 1,
    idle: () => until(() => server.getStats().activeConnections === 0),
    async stop() {
      await server.stop();
      await db.close();
      await database.dispose();
    },
  };
}

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

/** Queues a test opened; stopped after it (again, if the test did: stop() is idempotent). */
const opened: JobQueue[] = [];
function track<Q extends JobQueue>(queue: Q): Q {
  opened.push(queue);
  return queue;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((queue) => queue.stop(1000)));
  await postgres.idle();
});

function openPgBoss(log: Logger, options: Partial<PgBossQueueOptions> = {}): Promise<PgBossQueue> {
  const queue = new PgBossQueue({
    connectionString: postgres.url,
    poolSize: postgres.poolSize,
    pollingIntervalSeconds: POLLING_SECONDS,
    log,
    ...options,
  });
  return track(queue).start();
}

/** A logger whose output the test can read. */
function captureLog(): { log: Logger; raw: () => string; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const raw = () => chunks.join('');
  const lines = () =>
    raw()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log: createLogger('debug', stream), raw, lines };
}

let sequence = 0;
/** A fresh job name per test: pg-boss queues outlive a test in the shared database. */
const jobName = (label: string) => `test.${label}.${++sequence}`;

interface Harness {
  open(log?: Logger): Promise<JobQueue>;
  /**
   * Extra time a due job may wait before it starts: pg-boss notices it on a worker's next
   * poll, and a worker that just finished a job sleeps a polling interval first.
   */
  pollSlackMs: number;
}

const harnesses: Record<QueueDriver, Harness> = {
  inline: { open: async (log = silent) => track(await createQueue({ driver: 'inline' }, log)), pollSlackMs: CLOCK_SLACK_MS },
  postgres: { open: (log = silent) => openPgBoss(log), pollSlackMs: POLLING_SECONDS * 1000 + 250 },
};

describe.each(['inline', 'postgres'] as const)('job queue: %s', (driver) => {
  const harness = harnesses[driver];
  const open = (log?: Logger) => harness.open(log);

  it('runs a job once, with its data; send returns its ID', async () => {
    const queue = await open();
    expect(queue.driver).toBe(driver);
    const name = jobName('once');
    const runs: Array<Job<object>> = [];
    await queue.work(name, async (job) => {
      runs.push(job);
    });
    const data = { n: 1, text: 'héllo', nested: { list: [1, 'two', null], flag: true } };
    const id = await queue.send(name, data);
    expect(id).toMatch(/\S/);
    await until(() => runs.length === 1);
    await wait(harness.pollSlackMs); // a second run would have started by now
    expect(runs).toEqual([{ id, name, data, attempt: 1, lastAttempt: true }]);
  });

  it('keeps jobs sent before work() until a handler is registered', async () => {
    const queue = await open();
    const name = jobName('early');
    const ids = [await queue.send(name, { n: 1 }), await queue.send(name, { n: 2 }), await queue.send(name, { n: 3 })];
    await wait(200);
    const seen: string[] = [];
    await queue.work(name, async (job) => {
      seen.push(job.id);
    });
    await until(() => seen.length === 3);
    await wait(harness.pollSlackMs);
    expect(seen.sort()).toEqual(ids.sort());
  });

  it('retries a handler that throws: attempts 1, 2, 3 of retryLimit 3, none the last', async () => {
    const queue = await open();
    const name = jobName('retry');
    const attempts: Array<[number, boolean]> = [];
    await queue.work(name, async (job) => {
      attempts.push([job.attempt, job.lastAttempt]);
      if (job.attempt < 3) throw new Error('not yet');
    });
    await queue.send(name, {}, { retryLimit: 3, retryDelaySeconds: 0 });
    await until(() => attempts.length === 3);
    await wait(harness.pollSlackMs);
    // Attempt 4 would be the last (retryLimit + 1); the job succeeded before it.
    expect(attempts).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
  });

  it('with retryLimit 0 makes one attempt, the last', async () => {
    const queue = await open();
    const name = jobName('no-retry');
    const attempts: Array<[number, boolean]> = [];
    await queue.work(name, async (job) => {
      attempts.push([job.attempt, job.lastAttempt]);
      throw new Error('always');
    });
    await queue.send(name, {}, { retryLimit: 0, retryDelaySeconds: 0 });
    await until(() => attempts.length === 1);
    await wait(harness.pollSlackMs);
    expect(attempts).toEqual([[1, true]]);
  });

  it('gives up after retryLimit retries: attempt retryLimit + 1 is the last, logged once', async () => {
    const capture = captureLog();
    const queue = await open(capture.log);
    const name = jobName('give-up');
    const attempts: Array<[number, boolean]> = [];
    await queue.work(name, async (job) => {
      attempts.push([job.attempt, job.lastAttempt]);
      throw new Error('always');
    });
    const id = await queue.send(name, {}, { retryLimit: 1, retryDelaySeconds: 0 });
    await until(() => capture.lines().some((line) => line.msg === 'job failed'));
    await wait(harness.pollSlackMs);
    expect(attempts).toEqual([
      [1, false],
      [2, true],
    ]);
    const failed = capture.lines().filter((line) => line.msg === 'job failed');
    expect(failed).toEqual([expect.objectContaining({ level: 40, job: name, jobId: id, attempt: 2, err: expect.objectContaining({ message: 'always' }) })]);
  });

  it('backs off: the wait before attempt 3 is about twice the one before attempt 2', async () => {
    const queue = await open();
    const name = jobName('backoff');
    const startedAt: number[] = [];
    await queue.work(name, async () => {
      startedAt.push(Date.now());
      throw new Error('again');
    });
    await queue.send(name, {}, { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true });
    await until(() => startedAt.length === 3, 15_000);
    const [first = 0, second = 0, third = 0] = startedAt;
    const [gap1, gap2] = [second - first, third - second];
    // Only lower bounds: 1 s then 2 s. pg-boss adds up to 100% random jitter to each delay
    // (so gap1 is 1–2 s, gap2 2–4 s) and a poll's wait on top: gap2 ≥ gap1 holds only up
    // to one polling interval there.
    expect(gap1).toBeGreaterThanOrEqual(1000 - CLOCK_SLACK_MS);
    expect(gap2).toBeGreaterThanOrEqual(2000 - CLOCK_SLACK_MS);
    expect(gap2).toBeGreaterThanOrEqual(gap1 - harness.pollSlackMs);
  });

  it('counts an attempt running past expireInSeconds as failed, and retries it', async () => {
    const queue = await open();
    const name = jobName('expire');
    const attempts: number[] = [];
    let release = () => {};
    await queue.work(name, async (job) => {
      attempts.push(job.attempt);
      // The first attempt hangs until the test ends; its late result is ignored.
      if (job.attempt === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const sentAt = Date.now();
    await queue.send(name, {}, { retryLimit: 1, retryDelaySeconds: 0, expireInSeconds: 1 });
    await until(() => attempts.length === 2, 10_000);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(1000 - CLOCK_SLACK_MS);
    release();
    await wait(harness.pollSlackMs);
    expect(attempts).toEqual([1, 2]);
  });

  it('runs at most `concurrency` jobs of a name at once, and all of them', async () => {
    const queue = await open();
    const name = jobName('concurrency');
    let running = 0;
    let most = 0;
    const done = new Set<number>();
    await queue.work<{ n: number }>(
      name,
      async (job) => {
        running += 1;
        most = Math.max(most, running);
        await wait(300);
        running -= 1;
        done.add(job.data.n);
      },
      { concurrency: 2 },
    );
    for (let n = 0; n < 6; n++) await queue.send(name, { n });
    await until(() => done.size === 6, 15_000);
    expect(most).toBeGreaterThanOrEqual(1);
    expect(most).toBeLessThanOrEqual(2);
    expect([...done].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('does not start a job before startAfterSeconds', async () => {
    const queue = await open();
    const name = jobName('later');
    let startedAt = 0;
    await queue.work(name, async () => {
      startedAt = Date.now();
    });
    const sentAt = Date.now();
    await queue.send(name, {}, { startAfterSeconds: 0.6 });
    await until(() => startedAt > 0);
    expect(startedAt - sentAt).toBeGreaterThanOrEqual(600 - CLOCK_SLACK_MS);
  });

  it('refuses bad job names and options with BAD_USER_INPUT', async () => {
    const queue = await open();
    const refused = async (attempt: Promise<unknown>) => {
      const error = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
    };
    for (const name of ['', 'has space', 'semi;colon', 'émoji', 'x'.repeat(101)]) {
      await refused(queue.send(name, {}));
      await refused(queue.work(name, async () => {}));
    }
    const name = jobName('valid');
    const badOptions = [
      { retryLimit: -1 },
      { retryLimit: 1.5 },
      { retryLimit: 101 },
      { retryDelaySeconds: -1 },
      { retryDelaySeconds: Number.NaN },
      { startAfterSeconds: -1 },
      { startAfterSeconds: Number.POSITIVE_INFINITY },
      { expireInSeconds: 0 },
      { expireInSeconds: -5 },
      { retryBackoff: 'yes' as unknown as boolean },
    ];
    for (const options of badOptions) await refused(queue.send(name, {}, options));
    await refused(queue.send(name, { big: 1n }));
    await refused(queue.send(name, null as unknown as object));
    await refused(queue.work(name, async () => {}, { concurrency: 0 }));
    // The same name and options, valid, are accepted.
    await expect(queue.send(name, {}, { retryLimit: 100, retryDelaySeconds: 0, startAfterSeconds: 0.5, expireInSeconds: 1.5 })).resolves.toMatch(/\S/);
  });

  it('stop() waits for a running handler, then refuses new work', async () => {
    const queue = await open();
    const name = jobName('stop');
    let started = false;
    let finished = false;
    await queue.work(name, async () => {
      started = true;
      await wait(400);
      finished = true;
    });
    await queue.send(name, {});
    await until(() => started);
    await queue.stop(5000);
    expect(finished).toBe(true);
    await expect(queue.send(name, {})).rejects.toThrow('queue stopped');
    await expect(queue.work(jobName('after-stop'), async () => {})).rejects.toThrow('queue stopped');
  });

  it('stop() gives up on a handler that outlives its timeout', async () => {
    const queue = await open();
    const name = jobName('stuck');
    let started = false;
    let release = () => {};
    await queue.work(name, async () => {
      started = true;
      await new Promise<void>((resolve) => (release = resolve)); // until the test is done
    });
    await queue.send(name, {});
    await until(() => started);
    const before = Date.now();
    await queue.stop(300);
    // Loose: pg-boss waits at least 1 s and checks every 0.5 s.
    expect(Date.now() - before).toBeLessThan(5000);
    release();
  });

  it('never logs job data', async () => {
    const capture = captureLog();
    const queue = await open(capture.log);
    const name = jobName('private');
    await queue.work<{ email: string }>(name, async (job) => {
      if (job.data.email.startsWith('fail')) throw new Error('mailbox unavailable');
    });
    await queue.send(name, { email: 'ok.alice@example.test', note: 'private-note-1' });
    const failing = await queue.send(name, { email: 'fail.bob@example.test', note: 'private-note-2' }, { retryLimit: 1, retryDelaySeconds: 0 });
    await until(() => capture.lines().some((line) => line.msg === 'job failed'));
    const raw = capture.raw();
    expect(raw).toContain(failing);
    for (const secret of ['alice@example.test', 'bob@example.test', 'private-note']) expect(raw).not.toContain(secret);
  });
});

describe('job queue: pg-boss across processes', () => {
  // PGlite can't run this: its socket server serves one connection (a second would share,
  // and interleave on, its single session), and it runs one statement at a time anyway, so
  // it would prove nothing about SKIP LOCKED. CI's server-Postgres leg runs it.
  it.runIf(serverPostgres)('shares jobs between two queues on one database; each runs exactly once', async () => {
    const [a, b] = await Promise.all([openPgBoss(silent), openPgBoss(silent)]);
    const name = jobName('shared');
    const runs: Array<{ id: string; by: 'a' | 'b' }> = [];
    const handler = (by: 'a' | 'b') => async (job: Job<object>) => {
      runs.push({ id: job.id, by });
      await wait(50);
    };
    await a.work(name, handler('a'), { concurrency: 2 });
    await b.work(name, handler('b'), { concurrency: 2 });
    const ids: string[] = [];
    for (let n = 0; n < 20; n++) ids.push(await (n % 2 === 0 ? a : b).send(name, { n }));
    await until(() => runs.length >= 20, 15_000);
    await wait(1000); // a duplicate would show by now
    expect(runs.map((run) => run.id).sort()).toEqual(ids.sort());
    // Each slot sleeps a polling interval after a job, so neither queue can take all 20.
    expect(runs.some((run) => run.by === 'a')).toBe(true);
    expect(runs.some((run) => run.by === 'b')).toBe(true);
  });

  // createQueue keeps pg-boss's pool of 10, more than the PGlite socket serves.
  it.runIf(serverPostgres)('createQueue starts a postgres queue', async () => {
    const queue = track(await createQueue({ driver: 'postgres', connectionString: postgres.url, pollingIntervalSeconds: POLLING_SECONDS }, silent));
    expect(queue.driver).toBe('postgres');
    const name = jobName('factory');
    let ran = false;
    await queue.work(name, async () => {
      ran = true;
    });
    await queue.send(name, {});
    await until(() => ran);
  });

  it('retries on another queue a job whose worker died, once the attempt expires', async () => {
    const name = jobName('crash');
    // The process that dies: it takes the job and vanishes without completing or failing
    // it, as a crash would. A plain fetch() does that: stopping pg-boss only fails jobs of
    // its own workers.
    const doomed = new PgBoss({ connectionString: postgres.url, max: 1, schedule: false, supervise: false });
    let id: string | null;
    try {
      await doomed.start();
      await doomed.createQueue(name);
      id = await doomed.send(name, { n: 7 }, { retryLimit: 1, retryDelay: 0, expireInSeconds: 1 });
      const taken = await doomed.fetch(name);
      expect(taken.map((job) => job.id)).toEqual([id]);
    } finally {
      await doomed.stop({ graceful: false, wait: true });
    }
    await postgres.idle();

    // The survivor's maintenance fails the expired attempt; its worker then runs the retry.
    const survivor = await openPgBoss(silent, { maintenanceIntervalSeconds: 1 });
    const runs: Array<Job<object>> = [];
    await survivor.work(name, async (job) => {
      runs.push(job);
    });
    await until(() => runs.length === 1, 15_000);
    expect(runs).toEqual([{ id, name, data: { n: 7 }, attempt: 2, lastAttempt: true }]);
  });

  it('retries on another queue a job still running when its queue stopped', async () => {
    const name = jobName('abandoned');
    const first = await openPgBoss(silent);
    let started = false;
    await first.work(name, async () => {
      started = true;
      await new Promise(() => {}); // hangs past its expiry and the stop timeout
    });
    const id = await first.send(name, { n: 8 }, { retryLimit: 1, retryDelaySeconds: 0, expireInSeconds: 2 });
    await until(() => started);
    // Stopping without waiting long: pg-boss fails the job still running, so it is retried.
    await first.stop(0);
    await postgres.idle();

    const second = await openPgBoss(silent);
    const runs: Array<Job<object>> = [];
    await second.work(name, async (job) => {
      runs.push(job);
    });
    await until(() => runs.length === 1, 15_000);
    expect(runs).toEqual([{ id, name, data: { n: 8 }, attempt: 2, lastAttempt: true }]);
  });
});

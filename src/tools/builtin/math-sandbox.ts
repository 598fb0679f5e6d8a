/**
 * Runs `math_evaluate` expressions in worker threads, as the mathjs security docs recommend
 * for stability: a worker has its own bounded heap, and one that runs too long, runs out of
 * memory or whose caller goes away is terminated (and replaced on demand). Loading mathjs
 * takes a second or more, so workers are started lazily, kept warm while in use, reused for
 * later jobs and stopped after a while idle. Idle workers do not keep the process alive.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { ValidationError } from '../../errors.js';
import type { MathJob, MathReply } from './math-engine.js';

export interface MathSandboxOptions {
  /** Time one evaluation may take, once a worker is ready (start-up is not counted). */
  timeLimitMs: number;
  /** Workers alive at once; further jobs wait for one to be free. */
  maxWorkers: number;
  /** Old-generation heap of each worker. */
  heapMb: number;
  /** An idle worker is stopped after this long. */
  idleMs: number;
  startupTimeoutMs: number;
}

export const DEFAULT_MATH_SANDBOX_OPTIONS: MathSandboxOptions = {
  timeLimitMs: 3000,
  maxWorkers: 2,
  heapMb: 128,
  idleMs: 5 * 60_000,
  startupTimeoutMs: 60_000,
};

interface Slot {
  worker: Worker;
  dead: boolean;
  idleTimer?: NodeJS.Timeout;
}

/** tsx's ESM API (`tsx/esm/api`, import condition): its CommonJS twin cannot load its loader from an eval'd worker. */
function tsxApiUrl(): string {
  const commonJs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(commonJs.replace(/\.cjs$/, '.mjs')).href;
}

function spawnWorker(heapMb: number): Worker {
  const options: WorkerOptions = {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
  };
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Running from the TypeScript sources (tsx, vitest): the worker loads its source through tsx,
    // since Node 20 does not pass --import hooks on to workers.
    const source = new URL('./math.worker.ts', here).href;
    const bootstrap = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(here)}));`;
    return new Worker(bootstrap, { ...options, eval: true });
  }
  return new Worker(new URL('./math.worker.js', here), options);
}

export class MathSandbox {
  private readonly idle: Slot[] = [];
  private readonly waiting: Array<() => void> = [];
  private alive = 0;
  private closed = false;

  constructor(private readonly options: MathSandboxOptions = DEFAULT_MATH_SANDBOX_OPTIONS) {}

  /** Evaluates one job; BAD_USER_INPUT for a refused or failing expression; the signal's reason when aborted. */
  async evaluate(job: MathJob, signal: AbortSignal): Promise<{ text: string; result: unknown }> {
    const slot = await this.acquire(signal);
    const reply = await this.run(slot, job, signal);
    if (!reply.ok) throw new ValidationError(reply.message, { field: 'parameters', parameter: 'expression' });
    return { text: reply.text, result: reply.result };
  }

  /** Stops every idle worker and refuses new jobs (jobs in flight finish). */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.idle.splice(0);
    await Promise.all(slots.map((slot) => this.retire(slot)));
  }

  private async acquire(signal: AbortSignal): Promise<Slot> {
    for (;;) {
      signal.throwIfAborted();
      if (this.closed) throw new Error('The math sandbox is closed');
      const slot = this.idle.pop();
      if (slot) {
        clearTimeout(slot.idleTimer);
        return slot;
      }
      if (this.alive < this.options.maxWorkers) return this.start(signal);
      await this.turn(signal);
    }
  }

  /** Resolves when a worker may have become available; rejects when the caller goes away first. */
  private turn(signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const wake = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(wake);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal.reason);
      };
      this.waiting.push(wake);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private start(signal: AbortSignal): Promise<Slot> {
    this.alive += 1;
    const slot: Slot = { worker: spawnWorker(this.options.heapMb), dead: false };
    const { worker } = slot;
    // Errors are handled per phase below; this keeps an unexpected one from crashing the process.
    worker.on('error', () => undefined);
    worker.once('exit', () => this.forget(slot));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('The math worker did not start in time')), this.options.startupTimeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', fail);
        worker.off('exit', onExit);
        signal.removeEventListener('abort', onAbort);
      };
      const onMessage = (message: unknown) => {
        if ((message as { type?: string } | null)?.type !== 'ready') return;
        cleanup();
        resolve(slot);
      };
      const fail = (error: unknown) => {
        cleanup();
        void this.retire(slot);
        reject(error);
      };
      const onExit = (code: number) => fail(new Error(`The math worker exited with code ${code} while starting`));
      const onAbort = () => fail(signal.reason);
      worker.on('message', onMessage);
      worker.once('error', fail);
      worker.once('exit', onExit);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private run(slot: Slot, job: MathJob, signal: AbortSignal): Promise<MathReply> {
    const { worker } = slot;
    const limit = this.options.timeLimitMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new ValidationError(`The expression took longer than ${limit} ms to evaluate`)), limit);
      const finish = (error: unknown, reply?: MathReply) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        signal.removeEventListener('abort', onAbort);
        if (reply) {
          this.release(slot);
          resolve(reply);
        } else {
          void this.retire(slot);
          reject(error);
        }
      };
      const onMessage = (reply: MathReply) => finish(undefined, reply);
      const onError = (error: Error & { code?: string }) =>
        finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ValidationError('The expression needs too much memory to evaluate') : error);
      const onExit = (code: number) => finish(new Error(`The math worker exited with code ${code}`));
      const onAbort = () => finish(signal.reason ?? new Error('The call was aborted'));
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      signal.addEventListener('abort', onAbort, { once: true });
      worker.ref();
      worker.postMessage(job);
    });
  }

  private release(slot: Slot): void {
    if (slot.dead) return;
    if (this.closed) {
      void this.retire(slot);
      return;
    }
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => void this.retire(slot), this.options.idleMs);
    slot.idleTimer.unref();
    this.idle.push(slot);
    this.waiting.shift()?.();
  }

  /** Counts a worker as gone (once) and lets a waiting job start another. */
  private forget(slot: Slot): void {
    if (slot.dead) return;
    slot.dead = true;
    clearTimeout(slot.idleTimer);
    this.alive -= 1;
    const index = this.idle.indexOf(slot);
    if (index >= 0) this.idle.splice(index, 1);
    this.waiting.shift()?.();
  }

  private async retire(slot: Slot): Promise<void> {
    this.forget(slot);
    await slot.worker.terminate().catch(() => undefined);
  }
}

/** The process-wide sandbox math_evaluate uses. */
export const mathSandbox = new MathSandbox();

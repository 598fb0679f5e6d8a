import { AppError, TimeoutError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { InvocationStatus } from './tool.entities.js';
import type { Tool, ToolInvocation, ToolMessage } from './tool.types.js';

/** How a call ended. `errorMessage` is the coded error's own message, never internal details. */
export interface InvocationOutcome {
  status: InvocationStatus;
  errorCode: string | null;
  errorMessage: string | null;
  durationMs: number;
  messageCount: number;
}

export type InvocationEvent<R> = { type: 'MESSAGE'; message: ToolMessage } | { type: 'FINISHED'; outcome: InvocationOutcome; record: R };

/** Why a call was stopped from outside: the reason an AbortSignal carries. */
export class CallStopped extends Error {
  constructor(readonly status: 'CANCELLED' | 'TIMED_OUT', readonly code: string, message: string) {
    super(message);
  }
}

export interface StreamOptions<R> {
  tool: Tool;
  /** Everything but the signal, which the stream owns. */
  invocation: Omit<ToolInvocation, 'signal'>;
  totalTimeoutMs: number;
  /** Stops the call when aborted (server shutdown, the caller's own signal). */
  stopSignals: AbortSignal[];
  /** Records the outcome (or not, for test calls); its result travels in the FINISHED event. */
  finish: (outcome: InvocationOutcome) => Promise<R>;
  log: Logger;
}

function classify(error: unknown, log: Logger): Pick<InvocationOutcome, 'status' | 'errorCode' | 'errorMessage'> {
  if (error instanceof CallStopped) return { status: error.status, errorCode: error.code, errorMessage: error.message };
  if (error instanceof TimeoutError) return { status: 'TIMED_OUT', errorCode: error.code, errorMessage: error.message };
  if (error instanceof AppError) return { status: 'FAILED', errorCode: error.code, errorMessage: error.message.slice(0, 500) };
  log.error({ err: error }, 'tool failed unexpectedly');
  return { status: 'FAILED', errorCode: 'INTERNAL_SERVER_ERROR', errorMessage: 'The tool failed unexpectedly' };
}

/**
 * One tool call as a stream: its messages as they come, then one FINISHED event with the
 * outcome; a failure ends the stream that way too rather than throwing. A hand-written
 * iterator, not an async generator: `return()` (the subscriber went away) must abort the
 * call at once, even while the tool is waiting on a slow backend.
 */
export function invocationStream<R>(options: StreamOptions<R>): AsyncIterableIterator<InvocationEvent<R>> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new CallStopped('TIMED_OUT', 'TIMEOUT', `The tool did not finish within ${options.totalTimeoutMs} ms`)),
    options.totalTimeoutMs,
  );
  const stopListeners = options.stopSignals.map((signal) => {
    const stop = () => controller.abort(new CallStopped('CANCELLED', 'CANCELLED', 'The call was cancelled'));
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
    return () => signal.removeEventListener('abort', stop);
  });
  /** Settles with `promise`, or rejects as soon as the call is stopped (the listener is removed after). */
  const unlessStopped = <T>(promise: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const { signal } = controller;
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  const started = performance.now();
  let messageCount = 0;
  let finished: Promise<InvocationEvent<R>> | undefined;
  let upstream: AsyncIterator<ToolMessage> | undefined;
  let done = false;

  const finish = (error?: unknown): Promise<InvocationEvent<R>> => {
    finished ??= (async () => {
      clearTimeout(timer);
      stopListeners.forEach((remove) => remove());
      if (!controller.signal.aborted) controller.abort(new CallStopped('CANCELLED', 'CANCELLED', 'The call ended'));
      // The tool may still be awaiting something: let it wind down without waiting for it.
      void Promise.resolve(upstream?.return?.()).catch(() => undefined);
      const ending = error === undefined ? { status: 'SUCCEEDED' as const, errorCode: null, errorMessage: null } : classify(error, options.log);
      const outcome: InvocationOutcome = { ...ending, durationMs: Math.round(performance.now() - started), messageCount };
      return { type: 'FINISHED', outcome, record: await options.finish(outcome) };
    })();
    return finished;
  };

  const stream: AsyncIterableIterator<InvocationEvent<R>> = {
    async next() {
      if (done) return { done: true, value: undefined };
      if (finished) {
        done = true;
        return { done: false, value: await finished };
      }
      try {
        upstream ??= options.tool.invoke({ ...options.invocation, signal: controller.signal })[Symbol.asyncIterator]();
        const result = await unlessStopped(upstream.next());
        if (!result.done) {
          messageCount += 1;
          return { done: false, value: { type: 'MESSAGE', message: result.value } };
        }
        done = true;
        return { done: false, value: await finish() };
      } catch (error) {
        done = true;
        return { done: false, value: await finish(controller.signal.aborted && controller.signal.reason instanceof CallStopped ? controller.signal.reason : error) };
      }
    },
    async return() {
      done = true;
      controller.abort(new CallStopped('CANCELLED', 'CANCELLED', 'The caller went away'));
      await finish(controller.signal.reason);
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}

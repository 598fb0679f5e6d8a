/**
 * A hard time limit for synchronous work in the main thread. vm's watchdog terminates
 * whatever JavaScript runs past the timeout, including host-realm code called from the
 * script, so a filter or query that would loop for minutes (a few characters of Liquid or
 * JMESPath can build exponentially large strings) is stopped without a worker.
 */
import vm from 'node:vm';

export class TimeLimitExceeded extends Error {}

const context = vm.createContext({ work: undefined as (() => unknown) | undefined });
const script = new vm.Script('work()');

/** Runs `work` synchronously; throws TimeLimitExceeded when it takes longer than `ms`. Errors it throws pass through. */
export function withinTimeLimit<T>(ms: number, work: () => T): T {
  const previous: unknown = context.work;
  context.work = work;
  try {
    return script.runInContext(context, { timeout: ms }) as T;
  } catch (error) {
    if ((error as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new TimeLimitExceeded(`Stopped after ${ms} ms`);
    }
    throw error;
  } finally {
    context.work = previous;
  }
}

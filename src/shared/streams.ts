/**
 * Passes events through while `stillAllowed()` holds and ends the stream at the first
 * event for which it does not. `return()` reaches the source at once (an async generator
 * would wait for the pending event first, keeping an idle subscription alive).
 */
export function whileAllowed<T>(source: AsyncIterable<T>, stillAllowed: () => Promise<boolean>): AsyncIterableIterator<T> {
  const upstream = source[Symbol.asyncIterator]();
  const end = async (): Promise<IteratorResult<T>> => {
    await upstream.return?.();
    return { done: true, value: undefined };
  };
  const stream: AsyncIterableIterator<T> = {
    async next() {
      const result = await upstream.next();
      if (result.done || (await stillAllowed())) return result;
      return end();
    },
    return: end,
    async throw(error?: unknown) {
      if (upstream.throw) return upstream.throw(error);
      await end();
      throw error;
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}

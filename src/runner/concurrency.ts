// Bounded concurrency over an async iterable: at most `limit` handlers in flight, items pulled
// lazily so a streamed dataset is never read ahead of the work.
export async function forEachConcurrent<T>(
  items: AsyncIterable<T>,
  limit: number,
  handle: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const iterator = items[Symbol.asyncIterator]();
  let done = false;
  // Pulls are serialized: async iterators are not safe to call concurrently.
  let pulling: Promise<unknown> = Promise.resolve();
  const next = (): Promise<IteratorResult<T>> => {
    const p = pulling.then(() => (done || signal?.aborted ? { done: true as const, value: undefined } : iterator.next()));
    pulling = p.catch(() => undefined);
    return p;
  };
  const worker = async (): Promise<void> => {
    for (;;) {
      const r = await next();
      if (r.done) {
        done = true;
        return;
      }
      await handle(r.value);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  } finally {
    done = true;
    await iterator.return?.();
  }
}

// Bounded concurrency over an async iterable: at most `limit` handlers in flight, items pulled
// lazily so a streamed dataset is never read ahead of the work.
import { eventLoopTurn } from './yield.js';

export interface ConcurrencyOptions {
  /** Stop pulling items once it aborts; handlers already running finish. */
  signal?: AbortSignal;
  /** Called before each pull; a returned promise holds new items back until it settles (backpressure). */
  pause?: () => Promise<void> | undefined;
}

export async function forEachConcurrent<T>(
  items: AsyncIterable<T>,
  limit: number,
  handle: (item: T) => Promise<void>,
  options: ConcurrencyOptions = {},
): Promise<void> {
  const { signal, pause } = options;
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
      const held = pause?.();
      if (held) await held;
      // A loop: several handlers may wake from one turn; each asks again.
      for (let turn = eventLoopTurn(); turn; turn = eventLoopTurn()) await turn;
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

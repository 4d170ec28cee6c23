// One listener per long-lived signal. A case's AbortSignal is watched by every request it makes
// (the attempt, a wait for the limiter, a metric), each for a moment; on Node 20 an
// addEventListener/removeEventListener pair on an AbortSignal costs several microseconds
// (EventTarget), paid several times a sample. Here the signal gets one real listener, the first
// time it is watched, and each watcher is an entry in a Set it leaves when done.
const watchers = new WeakMap<AbortSignal, Set<() => void>>();

const noop = (): void => {};

/** Calls `callback` once when `signal` aborts (at once if it already has); returns what stops
 *  watching. A callback that throws does not keep the others from running; the first error is
 *  rethrown after them, from the signal's own listener. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    callback();
    return noop;
  }
  let set = watchers.get(signal);
  if (set === undefined) {
    const callbacks = new Set<() => void>();
    set = callbacks;
    watchers.set(signal, callbacks);
    signal.addEventListener('abort', () => runAll(signal, callbacks), { once: true });
  }
  const callbacks = set;
  callbacks.add(callback);
  return () => void callbacks.delete(callback);
}

function runAll(signal: AbortSignal, callbacks: Set<() => void>): void {
  watchers.delete(signal);
  let failure: { error: unknown } | undefined;
  for (const callback of callbacks) {
    try {
      callback();
    } catch (error) {
      failure ??= { error };
    }
  }
  callbacks.clear();
  if (failure) throw failure.error;
}

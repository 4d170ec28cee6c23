// Which trial of a sample a request belongs to, when a task repeats each sample (`repeats` > 1).
// This is the one place the trial index travels below the runner: the runner runs each trial
// inside runInTrial(), and anything that makes or sees a request during it — a provider client,
// a judge, the user's task calling its own SDK, a recorder intercepting HTTP (recordings key
// replays by the trial, so the k draws of one sample stay distinct) — reads currentTrial().
// An argument on ChatRequest could not reach a request made through another SDK or one seen
// only as HTTP; an async context reaches all of them.
//
// Cost: on Node 20, AsyncLocalStorage's first run() turns on a promise hook for the whole
// process (measured: a tight await loop ran 1.9× slower). So the runner uses it only when a
// task repeats; a single-trial run never enters a context and currentTrial() is undefined,
// which means trial 0.
import { AsyncLocalStorage } from 'node:async_hooks';

const trials = new AsyncLocalStorage<number>();

/** Runs `fn` as trial `trial` (0-based) of its sample: every request it makes sees the index. */
export function runInTrial<T>(trial: number, fn: () => T): T {
  return trials.run(trial, fn);
}

/** The 0-based trial of the request being made, or undefined outside a repeated run (trial 0). */
export function currentTrial(): number | undefined {
  return trials.getStore();
}

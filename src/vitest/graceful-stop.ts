// SIGINT / SIGTERM in Vitest's main process. Vitest's own handler exits a millisecond after
// the signal, and with it go the reporter's pending writes: events of the running cases,
// their summaries, the index. Instead, the first signal cancels the run the way Vitest's own
// cancel does (each running test's signal aborts); the cases end `interrupted`, send what they
// have, the reporter writes it, and then Vitest's handler runs and exits with 128 + the
// signal's number. A second signal exits at once.
import { constants } from 'node:os';
import type { Vitest } from 'vitest/node';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type StopSignal = (typeof SIGNALS)[number];
type Listener = (...args: unknown[]) => void;

/** Once per process; the latest Vitest instance (a config change restarts it) is the one stopped. */
let installed = false;
let current: Vitest | undefined;

export function stopGracefullyOnSignals(vitest: Vitest): void {
  current = vitest;
  if (installed) return;
  installed = true;
  // Vitest's handlers (its logger registers them before plugins are configured), kept to run
  // after our work: they restore the terminal and exit.
  const theirs = new Map<StopSignal, Listener[]>(SIGNALS.map((s) => [s, process.listeners(s) as Listener[]]));
  let stopping = false;
  const exitTheirWay = (signal: StopSignal): void => {
    process.exitCode = 128 + constants.signals[signal];
    const listeners = theirs.get(signal) ?? [];
    if (listeners.length === 0) process.exit();
    for (const listener of listeners) listener(signal, constants.signals[signal]);
  };
  const onSignal = (signal: StopSignal): void => {
    if (stopping) return exitTheirWay(signal);
    stopping = true;
    const running = current!;
    running.logger.error(`\nevalmatrix: ${signal}: stopping. Running cases end as interrupted and their events and summaries are written; send ${signal} again to quit at once.`);
    void running
      .cancelCurrentRun('keyboard-input')
      .catch(() => undefined)
      .then(() => exitTheirWay(signal));
  };
  for (const signal of SIGNALS) {
    for (const listener of theirs.get(signal)!) process.off(signal, listener);
    process.on(signal, onSignal);
  }
}

// SIGINT / SIGTERM in a test worker. A terminal's Ctrl-C reaches every process of the group,
// workers too, which Node would end on the spot: the running cases and their unsent events
// with them. Instead each running case is aborted with the signal as its reason, ends
// `interrupted`, and sends what it has (the main process cancels the run too; see
// graceful-stop.ts). A second signal ends the worker.

/** The abort controllers of the cases running in this worker. */
const running = new Set<AbortController>();

export class CaseInterrupted extends Error {
  override readonly name = 'CaseInterrupted';
}

/** Registers a running case; returns its unregistration. */
export function trackCase(controller: AbortController): () => void {
  running.add(controller);
  return () => running.delete(controller);
}

let installed = false;

/** In the worker, from the setup file: turn the signals into aborts of the running cases. */
export function interruptCasesOnSignals(): void {
  if (installed) return;
  installed = true;
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) process.exit(130);
      interrupted = true;
      for (const controller of running) controller.abort(new CaseInterrupted(`the run received ${signal}`));
    });
  }
}

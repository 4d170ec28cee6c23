// The runner's side of backpressure: the emit it is given may return a promise while its sink
// (the channel to the reporter) is behind. The runner keeps emitting without waiting — events
// of samples already running must go somewhere — but starts no new sample until it settles.
import type { EmittedEvent } from './events.js';

export interface BackpressuredEmit {
  emit: (event: EmittedEvent) => void;
  /** For forEachConcurrent's `pause`: the sink's promise while it is behind, else undefined. */
  pause: () => Promise<void> | undefined;
}

export function withBackpressure(emit: (event: EmittedEvent) => Promise<void> | void): BackpressuredEmit {
  let behind: Promise<void> | undefined;
  return {
    emit: (event) => {
      const wait = emit(event);
      if (!wait) return;
      behind = wait;
      void wait.then(() => {
        if (behind === wait) behind = undefined;
      });
    },
    pause: () => behind,
  };
}

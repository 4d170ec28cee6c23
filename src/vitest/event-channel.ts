// Carries a case's events from the test worker to the reporter as test artifacts, batched by
// EventBatcher (every 100 events or 200 ms, larger while the reporter is busy, at the end and on
// abort), so thousands of samples a second travel as a few large messages rather than one each.
import { recordArtifact, type RunnerTestCase } from 'vitest';
import { EventBatcher } from '../runner/event-batcher.js';
import type { EmittedEvent } from '../runner/events.js';
import { EVENTS_ARTIFACT, type CaseIdentity } from '../reporter/protocol.js';

export interface EventChannelOptions {
  maxBatch?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** A batch the reporter could not take (it could not write it): the case should stop. */
  onFailure?: (error: unknown) => void;
}

export class EventChannel {
  private readonly batcher: EventBatcher;

  constructor(task: RunnerTestCase, identity: CaseIdentity, options: EventChannelOptions = {}) {
    this.batcher = new EventBatcher({
      ...options,
      send: async (events: EmittedEvent[]) => {
        const sent = await recordArtifact(task, { type: EVENTS_ARTIFACT, case: identity, events }).catch((error: unknown) => {
          options.onFailure?.(error);
          throw error;
        });
        // The worker keeps recorded artifacts on the task too; don't let it hold every event.
        sent.events = [];
        events.length = 0;
      },
    });
  }

  /** Returns a promise while the reporter is behind, which holds the runner back. */
  readonly emit = (event: EmittedEvent): Promise<void> | undefined => this.batcher.emit(event);

  /** Sends what is left and waits until the reporter has every batch. */
  close(): Promise<void> {
    return this.batcher.close();
  }
}

// Carries a case's events from the test worker to the reporter as test artifacts, batched by
// EventBatcher (every 100 events or 200 ms, larger while the reporter is busy, at the end and on
// abort), so thousands of samples a second travel as a few large messages rather than one each.
import { recordArtifact, type RunnerTestCase } from 'vitest';
import { EventBatcher } from '../runner/event-batcher.js';
import type { EmittedEvent } from '../runner/events.js';
import type { ProgressNotice } from '../runner/retry-notices.js';
import { EVENTS_ARTIFACT, type CaseIdentity } from '../reporter/protocol.js';

export interface EventChannelOptions {
  maxBatch?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** A batch the reporter could not take (it could not write it): the case should stop. */
  onFailure?: (error: unknown) => void;
}

type Sent = EmittedEvent | ProgressNotice;
const isNotice = (item: Sent): item is ProgressNotice => 'notice' in item;

export class EventChannel {
  private readonly batcher: EventBatcher<Sent>;

  constructor(task: RunnerTestCase, identity: CaseIdentity, options: EventChannelOptions = {}) {
    this.batcher = new EventBatcher<Sent>({
      ...options,
      send: async (items: Sent[]) => {
        // Notices ride with the events, apart: the reporter shows them and writes only events.
        const events = items.filter((item): item is EmittedEvent => !isNotice(item));
        const notices = items.filter(isNotice);
        const artifact = { type: EVENTS_ARTIFACT, case: identity, events, ...(notices.length > 0 ? { notices } : {}) };
        const sent = await recordArtifact(task, artifact).catch((error: unknown) => {
          options.onFailure?.(error);
          throw error;
        });
        // The worker keeps recorded artifacts on the task too; don't let it hold every event.
        sent.events = [];
        delete sent.notices;
        events.length = 0;
        items.length = 0;
      },
    });
  }

  /** Returns a promise while the reporter is behind, which holds the runner back. */
  readonly emit = (event: EmittedEvent): Promise<void> | undefined => this.batcher.emit(event);

  /** For RunCaseOptions.notify: a notice travels in the next batch, holding nothing back. */
  readonly notify = (notice: ProgressNotice): void => {
    void this.batcher.emit(notice);
  };

  /** Sends what is left and waits until the reporter has every batch. */
  close(): Promise<void> {
    return this.batcher.close();
  }
}

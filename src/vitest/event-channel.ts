// Carries a case's events from the test worker to the reporter as test artifacts, in batches
// (every 100 events or 200 ms, and at the end), so thousands of samples a second travel as a
// few large messages rather than one message each.
import { recordArtifact, type RunnerTestCase } from 'vitest';
import type { EmittedEvent } from '../runner/events.js';
import { EVENTS_ARTIFACT, type CaseIdentity } from '../reporter/protocol.js';

export interface EventChannelOptions {
  maxBatch?: number;
  maxDelayMs?: number;
}

export class EventChannel {
  private buffer: EmittedEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Sends are chained so batches arrive in order. */
  private sending: Promise<void> = Promise.resolve();
  private failure: unknown;
  private readonly maxBatch: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly task: RunnerTestCase,
    private readonly identity: CaseIdentity,
    options: EventChannelOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 200;
  }

  readonly emit = (event: EmittedEvent): void => {
    this.buffer.push(event);
    if (this.buffer.length >= this.maxBatch) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.maxDelayMs);
  };

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length === 0) return;
    const events = this.buffer;
    this.buffer = [];
    this.sending = this.sending.then(async () => {
      const sent = await recordArtifact(this.task, { type: EVENTS_ARTIFACT, case: this.identity, events }).catch((error: unknown) => {
        this.failure ??= error;
        return undefined;
      });
      // The worker keeps recorded artifacts on the task too; don't let it hold every event.
      if (sent) sent.events = [];
      events.length = 0;
    });
  }

  /** Sends what is left and waits until the reporter has every batch. */
  async close(): Promise<void> {
    this.flush();
    await this.sending;
    if (this.failure) throw this.failure;
  }
}

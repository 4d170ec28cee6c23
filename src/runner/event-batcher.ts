// Collects a case's events into batches for a slower sink (a process channel, a file). A batch
// goes out when it holds `maxBatch` events, `maxDelayMs` after its first event, at close(), and
// at once when the case's signal aborts, so an aborted run loses nothing it had emitted.
// One send is in flight at a time; what arrives meanwhile joins the next batch, so a slow sink
// gets fewer, larger batches. Past `highWater` unsent events, emit() returns a promise and the
// runner starts no new sample until it settles: memory stays bounded however slow the sink.
import type { EmittedEvent } from './events.js';

/** Batches events, or anything else that travels with them (T). */
export interface EventBatcherOptions<T = EmittedEvent> {
  send: (events: T[]) => Promise<void> | void;
  maxBatch?: number;
  maxDelayMs?: number;
  highWater?: number;
  signal?: AbortSignal;
}

export class EventBatcher<T = EmittedEvent> {
  private buffer: T[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  /** A flush was asked for while a send was in flight: send as soon as it is through. */
  private due = false;
  private failure: unknown;
  private caughtUp: { promise: Promise<void>; resolve: () => void } | undefined;
  private readonly maxBatch: number;
  private readonly maxDelayMs: number;
  private readonly highWater: number;
  private readonly onAbort = (): void => this.flush();

  constructor(private readonly options: EventBatcherOptions<T>) {
    this.maxBatch = options.maxBatch ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 200;
    this.highWater = options.highWater ?? 10 * this.maxBatch;
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** For RunCaseOptions.emit. Never throws (a send failure surfaces from close()); returns a
   *  promise while the sink is behind. */
  readonly emit = (event: T): Promise<void> | undefined => {
    this.buffer.push(event);
    if (this.buffer.length >= this.maxBatch) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.maxDelayMs);
    return this.buffer.length >= this.highWater ? this.whenCaughtUp() : undefined;
  };

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.inFlight) {
      this.due = true;
      return;
    }
    this.due = false;
    if (this.buffer.length === 0) return;
    const events = this.buffer;
    this.buffer = [];
    this.inFlight = this.sendBatch(events);
  }

  /** Sends what is left and waits until every batch is through; throws the first send failure. */
  async close(): Promise<void> {
    this.options.signal?.removeEventListener('abort', this.onAbort);
    for (;;) {
      this.flush();
      if (!this.inFlight) break;
      await this.inFlight;
    }
    if (this.failure) throw this.failure;
  }

  private async sendBatch(events: T[]): Promise<void> {
    try {
      await this.options.send(events);
    } catch (error) {
      this.failure ??= error;
    }
    this.inFlight = undefined;
    if (this.due || this.buffer.length >= this.maxBatch) this.flush();
    else if (this.buffer.length > 0) this.timer ??= setTimeout(() => this.flush(), this.maxDelayMs);
    if (this.buffer.length < this.highWater && this.caughtUp) {
      this.caughtUp.resolve();
      this.caughtUp = undefined;
    }
  }

  private whenCaughtUp(): Promise<void> {
    if (!this.caughtUp) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.caughtUp = { promise, resolve };
    }
    return this.caughtUp.promise;
  }
}

// Requests that hang. When 429s have cut the concurrency limit to one or two, a single request
// that never answers would hold its provider for its whole timeout (60 s by default) while
// every other sample waits: a fault run of 5 x 500 samples took 190 s instead of 11 at a 10 s
// timeout. A request in flight far longer than requests usually take stops counting against
// the limit (it goes on, and its own timeout still ends it), so the rest keep moving.
// Pure: times come from the caller's clock.

/** Never sooner: a real provider's answers vary by seconds (longer or shorter generations). */
export const MIN_STALL_MS = 1_000;
/** A request this many times slower than the recent average counts as stalled. */
const STALL_FACTOR = 10;
/** Weight of the newest latency in the running average. */
const EWMA_WEIGHT = 0.1;

export interface Watched {
  startedAt: number;
  /** Stopped counting against the limit. */
  detached: boolean;
}

export class StallWatch {
  private readonly inFlight = new Set<Watched>();
  private averageMs: number | undefined;

  start(now: number): Watched {
    const w: Watched = { startedAt: now, detached: false };
    this.inFlight.add(w);
    return w;
  }

  /** The request ended; an answer (`ok`) updates the typical latency. */
  end(w: Watched, now: number, ok: boolean): void {
    this.inFlight.delete(w);
    if (!ok) return;
    const ms = now - w.startedAt;
    this.averageMs = this.averageMs === undefined ? ms : this.averageMs + EWMA_WEIGHT * (ms - this.averageMs);
  }

  /** How long a request may be in flight before it counts as stalled. */
  get stallAfterMs(): number {
    return Math.max(MIN_STALL_MS, STALL_FACTOR * (this.averageMs ?? 0));
  }

  /** Marks and returns the requests in flight past stallAfterMs, at most `limit` of them
   *  detached at once so hung requests cannot pile up without bound. */
  detachOverdue(now: number, limit: number): Watched[] {
    let detached = 0;
    for (const w of this.inFlight) if (w.detached) detached += 1;
    const overdue: Watched[] = [];
    for (const w of this.inFlight) {
      if (detached >= limit) break;
      if (w.detached || now - w.startedAt < this.stallAfterMs) continue;
      w.detached = true;
      detached += 1;
      overdue.push(w);
    }
    return overdue;
  }
}

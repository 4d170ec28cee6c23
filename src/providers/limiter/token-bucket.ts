// A per-minute budget (requests or tokens) as a token bucket that may go into debt: each taker
// is told how long to wait until its share is covered, so waiters queue in order of arrival.
// Pure: the time is passed in (ms on any monotonic clock).

export class TokenBucket {
  private level: number;
  private updatedAt: number;
  private readonly perMs: number;

  constructor(
    /** The budget per minute, which is also the most that can be spent at once. */
    readonly perMinute: number,
    now: number,
  ) {
    this.level = perMinute;
    this.updatedAt = now;
    this.perMs = perMinute / 60_000;
  }

  /** Spends `amount` (at most a whole minute's budget) and returns the ms to wait before it is covered. */
  take(amount: number, now: number): number {
    this.refill(now);
    this.level -= Math.min(amount, this.perMinute);
    return this.level >= 0 ? 0 : -this.level / this.perMs;
  }

  /** Corrects an earlier take once the real amount is known (positive spends more, negative refunds). */
  correct(delta: number, now: number): void {
    this.refill(now);
    this.level = Math.min(this.perMinute, this.level - delta);
  }

  private refill(now: number): void {
    this.level = Math.min(this.perMinute, this.level + (now - this.updatedAt) * this.perMs);
    this.updatedAt = now;
  }
}

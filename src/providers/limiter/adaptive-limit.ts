// Adaptive concurrency (additive increase, multiplicative decrease): a 429 halves the requests
// allowed in flight, each success adds back a little, up to the configured cap. One burst of
// 429s counts once: requests that started before the last cut cannot cut again, as TCP does
// once per round trip. Pure: callers pass sequence numbers and counts.

export class AdaptiveLimit {
  private value: number;
  /** The highest request sequence number issued when the limit was last cut. */
  private cutAt = -1;

  constructor(private ceiling: number) {
    this.value = ceiling;
  }

  /** The configured cap: the most requests ever allowed in flight. */
  get max(): number {
    return this.ceiling;
  }

  /** Requests allowed in flight now. */
  get current(): number {
    return Math.max(1, Math.floor(this.value));
  }

  /**
   * A request that started as number `startedSeq` was throttled while `inFlight` requests were
   * out and `latestSeq` was the newest started. Halves what was really in use, not the cap.
   */
  onRateLimited(startedSeq: number, inFlight: number, latestSeq: number): void {
    if (startedSeq <= this.cutAt) return;
    this.value = Math.max(1, Math.floor(Math.min(this.current, inFlight) / 2));
    this.cutAt = latestSeq;
  }

  /** About one more request in flight per limit's worth of successes. */
  onSuccess(): void {
    this.value = Math.min(this.ceiling, this.value + 1 / this.current);
  }

  /** A lower cap, from another backend that shares this provider and key. */
  lowerMax(max: number): void {
    this.ceiling = Math.min(this.ceiling, max);
    this.value = Math.min(this.value, this.ceiling);
  }
}

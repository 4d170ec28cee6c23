// Latency percentiles in fixed memory: log-spaced buckets (1% wide), so a run of any size keeps
// at most a few thousand counters instead of every sample. Quantiles are accurate to ~1%.
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);

export class LatencyHistogram {
  private readonly buckets = new Map<number, number>();
  private count = 0;
  private sum = 0;
  private zeros = 0;

  add(ms: number): void {
    this.count += 1;
    this.sum += ms;
    if (ms <= 0) {
      this.zeros += 1;
      return;
    }
    const index = Math.floor(Math.log(ms) / LOG_GROWTH);
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + 1);
  }

  get size(): number {
    return this.count;
  }

  mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** Nearest-rank quantile (q in [0, 1]); returns the bucket's midpoint. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    if (rank <= this.zeros) return 0;
    let seen = this.zeros;
    for (const index of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(index)!;
      if (seen >= rank) return Math.sqrt(GROWTH ** index * GROWTH ** (index + 1));
    }
    return 0;
  }
}

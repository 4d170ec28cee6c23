// Mean and variance of a stream of numbers in constant memory (Welford's update: numerically
// stable, unlike a running sum of squares, and exact for a constant stream: its M2 stays 0).
export class RunningMoments {
  count = 0;
  mean = 0;
  /** Sum of squared deviations from the running mean. */
  private m2 = 0;

  add(x: number): void {
    this.count += 1;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
  }

  /** The sample variance (divided by n − 1); undefined below two values. */
  sampleVariance(): number | undefined {
    return this.count < 2 ? undefined : this.m2 / (this.count - 1);
  }
}

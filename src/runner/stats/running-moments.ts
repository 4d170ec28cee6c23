// Mean and variance of a stream of numbers in constant memory, the same whatever the order of the
// stream (samples finish in any order): the sum and the sum of squares are kept exactly
// (exact-sum.ts, each square as an exact hi + lo pair), and n·Σx² − (Σx)² is computed exactly from
// them before its one rounding — no cancellation, and exactly 0 for a constant stream.
import { ExactSum, exactProduct } from './exact-sum.js';

export class RunningMoments {
  count = 0;
  private readonly sum = new ExactSum();
  private readonly squares = new ExactSum();

  add(x: number): void {
    this.count += 1;
    this.sum.add(x);
    for (const part of exactProduct(x, x)) this.squares.add(part);
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum.value() / this.count;
  }

  /** The sample variance (divided by n − 1); undefined below two values. */
  sampleVariance(): number | undefined {
    if (this.count < 2) return undefined;
    // n·Σx² − (Σx)², exactly: every product of the exact terms, summed exactly.
    const spread = new ExactSum();
    for (const square of this.squares.terms()) for (const part of exactProduct(square, this.count)) spread.add(part);
    const terms = this.sum.terms();
    for (const a of terms) for (const b of terms) for (const part of exactProduct(a, b)) spread.add(-part);
    return Math.max(0, spread.value()) / (this.count * (this.count - 1));
  }
}

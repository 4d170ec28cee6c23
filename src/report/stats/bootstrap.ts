// The paired bootstrap: resample the per-sample differences (current − baseline) with
// replacement and read the interval of their mean from the percentiles of the resampled means.
// Seeded, so the same two runs always give the same interval.
import { quantileSorted, mean } from './quantile.js';
import { seededRandom } from './rng.js';

export interface BootstrapOptions {
  /** Resampled means to draw (default 2000). */
  resamples?: number;
  /** Seed of the generator (default 1). */
  seed?: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
}

export interface BootstrapInterval {
  mean: number;
  lo: number;
  hi: number;
}

/** Percentile interval of the mean of `deltas`; NaNs throughout when there are none. */
export function pairedBootstrap(deltas: readonly number[], options: BootstrapOptions = {}): BootstrapInterval {
  const { resamples = 2000, seed = 1, level = 0.95 } = options;
  const n = deltas.length;
  if (n === 0) return { mean: Number.NaN, lo: Number.NaN, hi: Number.NaN };
  const random = seededRandom(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += deltas[Math.floor(random() * n)]!;
    means[r] = sum / n;
  }
  means.sort();
  const sorted = Array.from(means);
  const tail = (1 - level) / 2;
  return { mean: mean(deltas), lo: quantileSorted(sorted, tail), hi: quantileSorted(sorted, 1 - tail) };
}

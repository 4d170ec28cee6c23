// The mean of per-sample scores with its standard error and 95% confidence interval. Samples are
// the unit: a sample's trials are averaged first (they are not independent draws of the
// benchmark), then the interval is over samples — as Inspect AI reduces epochs before its stderr,
// and as Miller (2024, "Adding Error Bars to Evals") clusters resamples by question.
//
// stderr = s / √n, s the sample standard deviation (n − 1). The interval is Student's t with
// n − 1 degrees of freedom: the variance is estimated from the same n samples, and at the small
// n evals often have the normal 1.96 is too narrow (at n = 10 the t value is 2.262); as n grows
// it becomes the normal interval. Scores lie in [0, 1], so the interval is clipped to [0, 1].
import type { RunningMoments } from './running-moments.js';
import { tCritical95 } from './student-t.js';

export interface MeanInterval {
  /** Samples the mean is over. */
  samples: number;
  mean: number;
  /** null below two samples: one value has no spread to estimate. */
  stderr: number | null;
  ci95: [number, number] | null;
}

/** undefined when no sample was scored. */
export function meanInterval(moments: Pick<RunningMoments, 'count' | 'mean' | 'sampleVariance'>): MeanInterval | undefined {
  const n = moments.count;
  if (n === 0) return undefined;
  const variance = moments.sampleVariance();
  if (variance === undefined) return { samples: n, mean: moments.mean, stderr: null, ci95: null };
  const stderr = Math.sqrt(variance / n);
  const half = tCritical95(n - 1) * stderr;
  const clip = (x: number): number => Math.min(1, Math.max(0, x));
  return { samples: n, mean: moments.mean, stderr, ci95: [clip(moments.mean - half), clip(moments.mean + half)] };
}

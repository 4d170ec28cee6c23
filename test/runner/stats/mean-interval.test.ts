// The mean over samples with its standard error and Student-t 95% interval, on values worked by
// hand; RunningMoments (Welford) against a two-pass computation.
import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../../src/runner/stats/mean-interval.js';
import { RunningMoments } from '../../../src/runner/stats/running-moments.js';

function momentsOf(values: number[]): RunningMoments {
  const m = new RunningMoments();
  for (const v of values) m.add(v);
  return m;
}

describe('meanInterval', () => {
  it('works a small case by hand', () => {
    // 0.8, 1, 0.6, 0.4, 0.2, 0: mean 0.5; squared deviations .09 .25 .01 .01 .09 .25 = 0.70;
    // s² = 0.70/5 = 0.14; stderr = √(0.14/6); t(0.975, 5 df) = 2.5705818356363146.
    const stats = meanInterval(momentsOf([0.8, 1, 0.6, 0.4, 0.2, 0]))!;
    const stderr = Math.sqrt(0.14 / 6);
    expect(stats.samples).toBe(6);
    expect(stats.mean).toBeCloseTo(0.5, 15);
    expect(stats.stderr).toBeCloseTo(stderr, 15);
    expect(stats.ci95![0]).toBeCloseTo(0.5 - 2.5705818356363146 * stderr, 14); // 0.10734
    expect(stats.ci95![1]).toBeCloseTo(0.5 + 2.5705818356363146 * stderr, 14); // 0.89266
  });

  it('gives stderr 0 and a zero-width interval when every sample scored the same', () => {
    expect(meanInterval(momentsOf([0.7, 0.7, 0.7, 0.7]))).toEqual({ samples: 4, mean: 0.7, stderr: 0, ci95: [0.7, 0.7] });
  });

  it('has no spread to estimate from one sample, and nothing at all from none', () => {
    expect(meanInterval(momentsOf([0.25]))).toEqual({ samples: 1, mean: 0.25, stderr: null, ci95: null });
    expect(meanInterval(new RunningMoments())).toBeUndefined();
  });

  it('clips the interval to [0, 1], the range a mean score can take', () => {
    // 1, 1, 0: mean 2/3, s² = 1/3, stderr = 1/3; t(2 df) = 4.30265 makes it ±1.434.
    expect(meanInterval(momentsOf([1, 1, 0]))!.ci95).toEqual([0, 1]);
  });
});

describe('RunningMoments', () => {
  it('agrees with a two-pass mean and sample variance over 10,000 values', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => ((i * 7919) % 1000) / 1000);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
    const m = momentsOf(values);
    expect(m.count).toBe(10_000);
    expect(m.mean).toBeCloseTo(mean, 13);
    expect(m.sampleVariance()).toBeCloseTo(variance, 13);
    expect(momentsOf([3]).sampleVariance()).toBeUndefined();
  });
});

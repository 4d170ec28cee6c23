// A metric's statistics over samples from its samples' trial tallies: the figures worked by hand.
import { describe, expect, it } from 'vitest';
import { MetricStatsAccumulator } from '../../../src/runner/stats/metric-stats.js';
import { addTrial, emptyTally, type TrialTally } from '../../../src/runner/stats/trial-tally.js';

/** A sample's trials on a 0/1 metric with a pass criterion (passed = score 1). */
function passes(...trials: number[]): TrialTally {
  const tally = emptyTally();
  for (const score of trials) addTrial(tally, score, score === 1);
  return tally;
}

function scores(...trials: number[]): TrialTally {
  const tally = emptyTally();
  for (const score of trials) addTrial(tally, score);
  return tally;
}

describe('MetricStatsAccumulator', () => {
  it('gives pass@k, pass^k and agreement at k = repeats over samples', () => {
    const acc = new MetricStatsAccumulator(5);
    // c = 5, 3, 0, 1 passes of 5: per-sample means 1, .6, 0, .2.
    for (const tally of [passes(1, 1, 1, 1, 1), passes(1, 0, 1, 0, 1), passes(0, 0, 0, 0, 0), passes(0, 0, 0, 0, 1)]) acc.addSample(tally);
    const stats = acc.result()!;
    // Mean .45; squared deviations .3025 .0225 .2025 .0625 = .59; s² = .59/3; stderr = √(.59/12).
    expect(stats).toMatchObject({ samples: 4, k: 5 });
    expect(stats.mean).toBeCloseTo(0.45, 15);
    expect(stats.stderr).toBeCloseTo(Math.sqrt(0.59 / 12), 15);
    // pass@5: a pass among the 5 in samples 1, 2, 4 → 3/4. pass^5: all 5 only in sample 1 → 1/4.
    expect(stats.pass_at_k).toBeCloseTo(0.75, 15);
    expect(stats.pass_hat_k).toBeCloseTo(0.25, 15);
    // Trials agree (all pass or all fail) in samples 1 and 3 → 2/4.
    expect(stats.trial_agreement).toBe(0.5);
  });

  it('leaves a sample with a failed trial out of pass@k but keeps its scored trials in the mean', () => {
    const acc = new MetricStatsAccumulator(3);
    acc.addSample(passes(1, 1, 1));
    acc.addSample(passes(0, 1)); // its third trial failed: 2 scored, mean .5
    const stats = acc.result()!;
    expect(stats.mean).toBeCloseTo(0.75, 15);
    expect(stats.samples).toBe(2);
    expect([stats.pass_at_k, stats.pass_hat_k]).toEqual([1, 1]);
    expect(stats.trial_agreement).toBe(0.5);
  });

  it('compares scores for agreement when a metric has no pass criterion, and has no pass@k', () => {
    const acc = new MetricStatsAccumulator(2);
    acc.addSample(scores(0.5, 0.5));
    acc.addSample(scores(0.5, 0.25));
    acc.addSample(scores(1)); // one scored trial: nothing to compare
    const stats = acc.result()!;
    expect(stats.trial_agreement).toBe(0.5);
    expect(stats).not.toHaveProperty('pass_at_k');
    expect(stats).not.toHaveProperty('pass_hat_k');
  });

  it('with one trial a sample, gives the interval alone', () => {
    const acc = new MetricStatsAccumulator(1);
    for (const s of [1, 1, 1, 1, 1, 0]) acc.addSample(passes(s));
    // Mean 5/6; s² = (5·(1/6)² + (5/6)²)/5 = 1/6; stderr = √(1/36) = 1/6.
    const stats = acc.result()!;
    expect(Object.keys(stats).sort()).toEqual(['ci95', 'mean', 'samples', 'stderr']);
    expect(stats.stderr).toBeCloseTo(1 / 6, 15);
    expect(stats.ci95![0]).toBeCloseTo(0.40490302739394757, 14); // scipy.stats.t.interval(0.95, 5, 5/6, 1/6)
    expect(stats.ci95![1]).toBe(1);
  });

  it('has nothing to say before a sample was scored', () => {
    const acc = new MetricStatsAccumulator(4);
    acc.addSample(emptyTally());
    expect(acc.result()).toBeUndefined();
  });
});

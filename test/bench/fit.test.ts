// The overhead fit: ratios taken within each repetition, so drift between repetitions cancels.
import { describe, expect, it } from 'vitest';
import { fitOverhead, type Runs } from '../../bench/fit.js';

// Seconds = speed × (fixed + per-sample cost × samples × cases), each side's fixed and
// per-sample cost known; `speed` is the machine in that repetition.
function simulate(speeds: number[], e = { fixed: 2, perSample: 0.00105 }, b = { fixed: 1.5, perSample: 0.001 }): Runs {
  const at = (side: typeof e, n: number) => speeds.map((s) => Number((s * (side.fixed + side.perSample * n * 5)).toFixed(6)));
  return { evalmatrix: { 1000: at(e, 1000), 5000: at(e, 5000) }, baseline: { 1000: at(b, 1000), 5000: at(b, 5000) } };
}

describe('fitOverhead', () => {
  it('recovers the true ratio and start-up difference on a steady machine', () => {
    const fit = fitOverhead(simulate([1, 1, 1]), [1000, 5000], 5);
    expect(fit.marginal_ratio).toBe(1.05);
    expect(fit.startup_s).toBe(0.5);
    expect(fit.from_medians).toEqual({ marginal_ratio: 1.05, startup_s: 0.5 });
    expect(fit.per_sample_ms).toEqual({ evalmatrix: 1.05, baseline: 1 });
    expect(fit.fixed_s).toEqual({ evalmatrix: 2, baseline: 1.5 });
  });

  it('is not thrown off when the machine speeds up or slows down between repetitions', () => {
    // Slow, then fast: the per-size medians come from different repetitions for each side.
    const runs = simulate([1, 1, 1, 1, 1]);
    runs.evalmatrix[5000] = runs.evalmatrix[5000]!.map((x, i) => x * [1.25, 1.25, 1.25, 0.8, 0.8][i]!);
    runs.evalmatrix[1000] = runs.evalmatrix[1000]!.map((x, i) => x * [1.25, 1.25, 1.25, 0.8, 0.8][i]!);
    runs.baseline[5000] = runs.baseline[5000]!.map((x, i) => x * [1.25, 1.25, 0.8, 0.8, 0.8][i]!);
    runs.baseline[1000] = runs.baseline[1000]!.map((x, i) => x * [1.25, 1.25, 0.8, 0.8, 0.8][i]!);
    const fit = fitOverhead(runs, [1000, 5000], 5);
    // The repetition where only one side was slow is one outlier among five.
    expect(fit.per_repetition.marginal_ratio).toEqual([1.05, 1.05, 1.641, 1.05, 1.05]);
    expect(fit.marginal_ratio).toBe(1.05);
    expect(fit.from_medians.marginal_ratio).toBe(1.641);
  });

  it('uses the repetitions both sides completed at both sizes', () => {
    const runs = simulate([1, 1, 1]);
    runs.baseline[5000]!.pop();
    expect(fitOverhead(runs, [1000, 5000], 5).per_repetition.marginal_ratio).toHaveLength(2);
  });
});

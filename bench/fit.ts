// The overhead figures from timings at two sizes. A repetition runs both sides at both sizes
// back to back, so each figure is first taken within a repetition and then the median over
// repetitions: the machine's speed drifts between repetitions (by ±15% on the 2-core runners),
// and medians taken per side and size would pair one repetition's slow number with another's
// fast one. The same figures from those per-cell medians are kept beside them.
import { line, median, round } from './stats.js';

export type Side = 'evalmatrix' | 'baseline';
/** Seconds by side and size, one entry per repetition, in the order they ran. */
export type Runs = Record<Side, Record<string, number[]>>;

export interface Fit {
  /** Medians by side and size. */
  median_s: Record<Side, Record<string, number>>;
  /** Cost of one sample (one request to one provider), from the slope between the medians. */
  per_sample_ms: Record<Side, number>;
  /** Where each side's line through the medians meets zero samples: its fixed costs. */
  fixed_s: Record<Side, number>;
  /** Median over repetitions of evalmatrix's slope ÷ the baseline's in that repetition. */
  marginal_ratio: number;
  /** Median over repetitions of evalmatrix's intercept − the baseline's in that repetition. */
  startup_s: number;
  per_repetition: { marginal_ratio: number[]; startup_s: number[] };
  /** The two figures from the per-side, per-size medians instead. */
  from_medians: { marginal_ratio: number; startup_s: number };
}

export function fitOverhead(runs: Runs, [small, large]: [number, number], cases: number): Fit {
  const at = (side: Side, n: number): number[] => runs[side][n] ?? [];
  const sideLine = (side: Side, pick: (values: number[]) => number) => line(small, pick(at(side, small)), large, pick(at(side, large)));
  const med = { evalmatrix: sideLine('evalmatrix', median), baseline: sideLine('baseline', median) };

  const repetitions = Math.min(...(['evalmatrix', 'baseline'] as const).flatMap((side) => [at(side, small).length, at(side, large).length]));
  const ratios: number[] = [];
  const startups: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const e = sideLine('evalmatrix', (values) => values[i]!);
    const b = sideLine('baseline', (values) => values[i]!);
    ratios.push(round(e.slope / b.slope, 3));
    startups.push(round(e.intercept - b.intercept, 3));
  }

  const perSampleMs = (slope: number): number => round((slope * 1000) / cases, 3);
  const medians = (side: Side) => ({ [small]: round(median(at(side, small)), 3), [large]: round(median(at(side, large)), 3) });
  return {
    median_s: { evalmatrix: medians('evalmatrix'), baseline: medians('baseline') },
    per_sample_ms: { evalmatrix: perSampleMs(med.evalmatrix.slope), baseline: perSampleMs(med.baseline.slope) },
    fixed_s: { evalmatrix: round(med.evalmatrix.intercept, 3), baseline: round(med.baseline.intercept, 3) },
    marginal_ratio: round(median(ratios), 3),
    startup_s: round(median(startups), 3),
    per_repetition: { marginal_ratio: ratios, startup_s: startups },
    from_medians: {
      marginal_ratio: round(med.evalmatrix.slope / med.baseline.slope, 3),
      startup_s: round(med.evalmatrix.intercept - med.baseline.intercept, 3),
    },
  };
}

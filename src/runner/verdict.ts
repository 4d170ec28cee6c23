// The case verdict as a pure function: thresholds and the error budget in, status and
// human-readable reasons out. Tests call it directly.
import type { ThresholdOn, ThresholdSpec } from '../config/schema.js';
import type { MetricStats } from './stats/metric-stats.js';
import type { CaseStatus, ThresholdResult } from './summary.js';

export interface VerdictInput {
  thresholds: Record<string, ThresholdSpec>;
  means: ReadonlyMap<string, number | null>;
  /** Per metric with a pass criterion: the share of scored trials that passed. */
  passRates?: ReadonlyMap<string, number | null>;
  /** Per metric: its statistics over samples (for ci_low, ci_high, pass_at_k, …). */
  stats?: ReadonlyMap<string, MetricStats | undefined>;
  errorCount: number;
  maxErrors: number;
  sampleCount: number;
}

export interface Verdict {
  status: Exclude<CaseStatus, 'skipped'>;
  thresholds: ThresholdResult[];
  reasons: string[];
}

/** How each threshold target reads its value, names itself in a reason, and says why it is missing. */
const TARGETS: Record<ThresholdOn, { value: (input: VerdictInput, id: string) => number | null | undefined; label: string; missing: string }> = {
  mean: { value: (i, id) => i.means.get(id), label: '', missing: 'no sample was scored' },
  pass_rate: { value: (i, id) => i.passRates?.get(id), label: 'pass_rate', missing: 'no sample was scored with a pass criterion' },
  ci_low: { value: (i, id) => i.stats?.get(id)?.ci95?.[0], label: 'ci_low (the lower end of its 95% interval)', missing: 'fewer than two samples were scored (an interval needs two)' },
  ci_high: { value: (i, id) => i.stats?.get(id)?.ci95?.[1], label: 'ci_high (the upper end of its 95% interval)', missing: 'fewer than two samples were scored (an interval needs two)' },
  pass_at_k: { value: (i, id) => i.stats?.get(id)?.pass_at_k, label: 'pass_at_k (pass@k)', missing: 'no sample had all its trials scored with a pass criterion (pass@k needs repeats > 1)' },
  pass_hat_k: { value: (i, id) => i.stats?.get(id)?.pass_hat_k, label: 'pass_hat_k (pass^k)', missing: 'no sample had all its trials scored with a pass criterion (pass^k needs repeats > 1)' },
  trial_agreement: { value: (i, id) => i.stats?.get(id)?.trial_agreement, label: 'trial_agreement (the share of samples whose trials all agree)', missing: 'no sample had two scored trials (agreement needs repeats > 1)' },
};

export function judgeCase(input: VerdictInput): Verdict {
  const reasons: string[] = [];
  const thresholds = Object.entries(input.thresholds).map(([metric_id, spec]): ThresholdResult => {
    const { min, on } = typeof spec === 'number' ? { min: spec, on: 'mean' as const } : spec;
    const target = TARGETS[on];
    const actual = target.value(input, metric_id) ?? null;
    const ok = actual !== null && actual >= min;
    const name = target.label === '' ? metric_id : `${metric_id} ${target.label}`;
    if (!ok) {
      reasons.push(
        actual === null
          ? `${metric_id}${on === 'mean' ? '' : ` ${on}`}: ${target.missing}, so the threshold ${min} cannot be met`
          : `${name} = ${actual.toFixed(5)} is below the threshold ${min}`,
      );
    }
    return on === 'mean' ? { metric_id, min, actual, ok } : { metric_id, min, actual, ok, on };
  });
  if (input.errorCount > input.maxErrors) {
    reasons.push(
      `${input.errorCount} of ${input.sampleCount} samples failed (error budget: max_errors ${input.maxErrors}); see sample_error events in events.jsonl`,
    );
  }
  return { status: reasons.length === 0 ? 'passed' : 'failed', thresholds, reasons };
}

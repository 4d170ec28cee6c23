// The case verdict as a pure function: thresholds and the error budget in, status and
// human-readable reasons out. Tests call it directly.
import { counted } from '../config/plural.js';
import type { ThresholdOn, ThresholdSpec } from '../config/schema.js';
import { usd } from '../config/usd.js';
import { formatErrorKinds, type ErrorKind } from './error-kinds.js';
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
  /** The errors by kind, most frequent first, and how many fell outside the kinds kept. */
  errorKinds?: readonly ErrorKind[];
  otherErrors?: number;
  /** The task's max_cost_usd, and the case's cost (null: a model had no known price, named). */
  cost?: { max: number; usd: number | null; unpriced: readonly string[] };
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
  const overBudget = input.errorCount > input.maxErrors;
  if (overBudget) reasons.push(`${input.errorCount} of ${counted(input.sampleCount, 'sample')} failed (error budget: max_errors ${input.maxErrors})${byKind(input)}`);
  const costReason = input.cost && costOverCap(input.cost);
  if (costReason) reasons.push(costReason);
  // A case that failed for another reason while some samples errored: the errors may be why.
  if (!overBudget && reasons.length > 0 && input.errorCount > 0) reasons.push(`${counted(input.errorCount, 'sample')} failed (within max_errors ${input.maxErrors})${byKind(input)}`);
  return { status: reasons.length === 0 ? 'passed' : 'failed', thresholds, reasons };
}

/** "; by kind (each a sample_error in events.jsonl):" and one indented line per top kind. */
function byKind(input: VerdictInput): string {
  const lines = formatErrorKinds(input.errorKinds ?? [], input.otherErrors ?? 0);
  if (lines.length === 0) return '; see sample_error events in events.jsonl';
  return `; by kind (each a sample_error in events.jsonl):${lines.map((l) => `\n      ${l}`).join('')}`;
}

function costOverCap(cost: NonNullable<VerdictInput['cost']>): string | undefined {
  if (cost.usd === null) return `max_cost_usd ${usd(cost.max)} cannot be checked: no known price for ${cost.unpriced.join(', ')}; give its backend a price: (README "Cost")`;
  return cost.usd > cost.max ? `cost ${usd(cost.usd)} is over max_cost_usd ${usd(cost.max)}` : undefined;
}

// The case verdict as a pure function: thresholds and the error budget in, status and
// human-readable reasons out. Tests call it directly.
import type { ThresholdSpec } from '../config/schema.js';
import type { CaseStatus, ThresholdResult } from './summary.js';

export interface VerdictInput {
  thresholds: Record<string, ThresholdSpec>;
  means: ReadonlyMap<string, number | null>;
  /** Per metric with a pass criterion: the share of scored samples that passed. */
  passRates?: ReadonlyMap<string, number | null>;
  errorCount: number;
  maxErrors: number;
  sampleCount: number;
}

export interface Verdict {
  status: Exclude<CaseStatus, 'skipped'>;
  thresholds: ThresholdResult[];
  reasons: string[];
}

export function judgeCase(input: VerdictInput): Verdict {
  const reasons: string[] = [];
  const thresholds = Object.entries(input.thresholds).map(([metric_id, spec]): ThresholdResult => {
    const { min, on } = typeof spec === 'number' ? { min: spec, on: 'mean' as const } : spec;
    const actual = (on === 'pass_rate' ? input.passRates : input.means)?.get(metric_id) ?? null;
    const ok = actual !== null && actual >= min;
    const name = on === 'mean' ? metric_id : `${metric_id} ${on}`;
    if (!ok) {
      reasons.push(
        actual === null
          ? `${name}: no sample was scored${on === 'pass_rate' ? ' with a pass criterion' : ''}, so the threshold ${min} cannot be met`
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

// The case verdict as a pure function: thresholds and the error budget in, status and
// human-readable reasons out. Tests call it directly.
import type { CaseStatus, ThresholdResult } from './summary.js';

export interface VerdictInput {
  thresholds: Record<string, number>;
  means: ReadonlyMap<string, number | null>;
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
  const thresholds = Object.entries(input.thresholds).map(([metric_id, min]) => {
    const actual = input.means.get(metric_id) ?? null;
    const ok = actual !== null && actual >= min;
    if (!ok) {
      reasons.push(
        actual === null
          ? `${metric_id}: no sample was scored, so the threshold ${min} cannot be met`
          : `${metric_id} = ${actual.toFixed(5)} is below the threshold ${min}`,
      );
    }
    return { metric_id, min, actual, ok };
  });
  if (input.errorCount > input.maxErrors) {
    reasons.push(
      `${input.errorCount} of ${input.sampleCount} samples failed (error budget: max_errors ${input.maxErrors}); see sample_error events in events.jsonl`,
    );
  }
  return { status: reasons.length === 0 ? 'passed' : 'failed', thresholds, reasons };
}

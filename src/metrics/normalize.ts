// What a metric returned, made into the recorded MetricScore: a number in [0, 1] or a boolean
// becomes the score; a result object keeps its other fields. Anything else (NaN, 1.5, a
// string, a missing score) is the metric's mistake, reported as a scoring error naming the
// metric and the value, so that one sample fails and the rest go on.
import type { MetricResult, MetricScore } from './metric.js';

export class InvalidScoreError extends Error {
  /** describeError reports the name as the sample_error's error_type. */
  override readonly name: string = 'invalid_score';
}

export function normalizeScore(metricId: string, returned: unknown, passThreshold?: number): MetricScore {
  const result: Partial<Record<keyof MetricResult, unknown>> = typeof returned === 'object' && returned !== null && !Array.isArray(returned) ? (returned as Record<string, unknown>) : { score: returned };
  const score = scoreValue(metricId, result.score, returned);
  const scored: MetricScore = { score, prediction: textOrNull(metricId, 'prediction', result.prediction), reference: textOrNull(metricId, 'reference', result.reference) };
  if (result.passed !== undefined) {
    if (typeof result.passed !== 'boolean') throw new InvalidScoreError(`metric "${metricId}" returned passed ${show(result.passed)}; expected true or false`);
    scored.passed = result.passed;
  } else if (passThreshold !== undefined) {
    scored.passed = score >= passThreshold;
  }
  if (result.rationale !== undefined) scored.rationale = String(result.rationale);
  if (result.metadata !== undefined) scored.metadata = metadataOf(metricId, result.metadata);
  return scored;
}

function scoreValue(metricId: string, value: unknown, whole: unknown): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1) return value;
  const what = typeof value === 'number' ? `the score ${show(value)}, outside [0, 1]` : value === undefined ? `${show(whole)}, which has no score` : `the score ${show(value)}, not a number`;
  throw new InvalidScoreError(`metric "${metricId}" returned ${what}; a metric returns a number in [0, 1], a boolean, or {score, …}`);
}

function textOrNull(metricId: string, field: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    throw new InvalidScoreError(`metric "${metricId}" returned a ${field} that cannot be recorded as text`);
  }
}

/** Metadata travels in events as JSON: a mapping that JSON can carry, or the metric's mistake. */
function metadataOf(metricId: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidScoreError(`metric "${metricId}" returned metadata ${show(value)}; metadata is a mapping of JSON values`);
  }
  try {
    JSON.stringify(value);
  } catch (error) {
    throw new InvalidScoreError(`metric "${metricId}" returned metadata that cannot be recorded as JSON (${(error as Error).message})`);
  }
  return value as Record<string, unknown>;
}

function show(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch {
    return String(value);
  }
}

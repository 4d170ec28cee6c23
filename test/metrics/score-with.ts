// Test helper: scores one reply with a built-in exactly as the runner's in-process path does —
// params through the metric's own schema (defaults filled), the result through normalizeScore.
import type { Sample } from '../../src/datasets/sample.js';
import type { MetricDefinition, MetricOutput, MetricScore } from '../../src/metrics/metric.js';
import { normalizeScore } from '../../src/metrics/normalize.js';

export interface ScoreCall {
  text?: string;
  json?: unknown;
  /** sample.reference, or the sample itself when more than a reference is needed. */
  reference?: string;
  sample?: Partial<Sample>;
  params?: Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any built-in
export async function scoreWith(metric: MetricDefinition<any>, call: ScoreCall): Promise<MetricScore> {
  const params: unknown = metric.params ? metric.params.parse(call.params ?? {}) : (call.params ?? {});
  const sample: Sample = { sample_id: 's-0001', metadata: {}, ...(call.reference === undefined ? {} : { reference: call.reference }), ...call.sample };
  const output: MetricOutput = { text: call.text ?? '', ...(call.json === undefined ? {} : { json: call.json }) };
  const returned = await metric.score({ sample, output, params, signal: new AbortController().signal });
  return normalizeScore(metric.name, returned);
}

/** The messages a params schema gives for `params`, as "path: message" (empty when valid). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any built-in
export function paramsErrors(metric: MetricDefinition<any>, params: unknown): string[] {
  const parsed = metric.params!.safeParse(params);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`);
}

// Maps a MetricSpec's `implementation` to its code. The zod enum already rejects unknown
// names in YAML; this check covers specs built in code (e.g. .eval.ts files).
import type { MetricSpec } from '../config/schema.js';
import type { Metric } from './metric.js';
import { multiChoiceAccuracy } from './multi-choice.js';
import { testCpuBurn } from './test-only/cpu-burn.js';

const METRICS: Record<string, Metric> = {
  [multiChoiceAccuracy.implementation]: multiChoiceAccuracy,
  [testCpuBurn.implementation]: testCpuBurn,
};

export function createMetric(spec: Pick<MetricSpec, 'metric_id' | 'implementation'>): Metric {
  const metric = METRICS[spec.implementation];
  if (!metric) {
    throw new Error(
      `metric "${spec.metric_id}": unknown implementation "${spec.implementation}". ` +
        `Known implementations: ${Object.keys(METRICS).join(', ')}.`,
    );
  }
  return metric;
}

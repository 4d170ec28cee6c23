// The metric definitions among a module's exports (each export, or each item of an exported
// list): how the scorer pool's workers and `evalmatrix matrix render --metrics` find metrics
// defined in TypeScript, which they can only import, never receive.
import type { MetricDefinition } from './metric.js';

export function metricsExportedBy(exports: Record<string, unknown>): MetricDefinition<unknown>[] {
  return [...new Set(Object.values(exports).flat().filter(isMetric))];
}

function isMetric(value: unknown): value is MetricDefinition<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const { name, score } = value as { name?: unknown; score?: unknown };
  return typeof name === 'string' && typeof score === 'function';
}

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

/** Why importing a metric's module may have failed, when its name says: TypeScript that this
 *  Node cannot load by itself (no type stripping before 22.18). */
export function moduleImportHint(specifier: string): string {
  return /\.[cm]?ts$/.test(specifier) ? ' (a .ts module needs a Node that strips types, 22.18 or later; else point at the compiled .js)' : '';
}

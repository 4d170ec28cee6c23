// `--metrics <module>`: the metrics defined in TypeScript that a template names, imported from
// the module that exports them, so the CLI checks a template as the eval file would.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { metricsExportedBy, moduleImportHint } from '../metrics/exported-metrics.js';
import type { MetricDefinition } from '../metrics/metric.js';

export async function importMetrics(file: string): Promise<MetricDefinition<unknown>[]> {
  const absolute = path.resolve(file);
  let exports: Record<string, unknown>;
  try {
    exports = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (error) {
    const why = (error as Error).message;
    throw new Error(`--metrics ${file}: cannot import ${absolute}: ${why}${moduleImportHint(absolute)}`);
  }
  const metrics = metricsExportedBy(exports);
  if (metrics.length === 0) throw new Error(`--metrics ${file}: ${absolute} exports no metric (export the defineMetric(...) results, or a list of them)`);
  return metrics;
}

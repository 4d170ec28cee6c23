// The scorer pool's worker: scores one sample with one metric, looked up by implementation
// name, exactly as the in-process path does (normalized the same way, errors named the same
// way). A built-in is found in the registry; a metric defined in TypeScript is imported from
// the module its definition names (defineMetric's `module`), once per worker.
import type { MetricSpec } from '../config/schema.js';
import type { Sample } from '../datasets/sample.js';
import type { MetricDefinition, MetricOutput, MetricScore } from '../metrics/metric.js';
import { InvalidScoreError, normalizeScore } from '../metrics/normalize.js';
import { metricsExportedBy, moduleImportHint } from '../metrics/exported-metrics.js';
import { builtinMetrics } from '../metrics/registry.js';
import { MetricError } from './metric-error.js';

export interface ScoreJob {
  /** `params` already parsed by the metric's params schema; `module` for a metric defined in
   *  TypeScript: the URL of the module that exports it. */
  metric: Pick<MetricSpec, 'metric_id' | 'implementation' | 'params' | 'pass_threshold'> & { module?: string };
  sample: Sample;
  output: MetricOutput;
}

/** Sent once per worker before real work, so start-up is never counted against a timeout. */
export const WARM_UP = 'warm-up';

/** What crosses back to the pool: a thrown error would lose its class on the way. */
export type WorkerAnswer = { ok: true; scored: MetricScore } | { ok: false; error: { name: string; message: string } };

export default async function scoreInWorker(job: ScoreJob | typeof WARM_UP): Promise<WorkerAnswer | null> {
  if (job === WARM_UP) return null;
  try {
    const metric = job.metric.module === undefined ? builtinMetrics.resolve(job.metric) : await fromModule(job.metric.module, job.metric.implementation);
    // The pool cuts a worker off by terminating it; this signal never aborts inside one.
    const signal = new AbortController().signal;
    const returned = await metric.score({ sample: job.sample, output: job.output, params: job.metric.params, signal });
    return { ok: true, scored: normalizeScore(job.metric.metric_id, returned, job.metric.pass_threshold) };
  } catch (error) {
    const named = error instanceof InvalidScoreError ? error : new MetricError(job.metric.metric_id, error);
    return { ok: false, error: { name: named.name, message: named.message } };
  }
}

const modules = new Map<string, Promise<Record<string, unknown>>>();

async function fromModule(url: string, name: string): Promise<MetricDefinition<unknown>> {
  let loading = modules.get(url);
  if (loading === undefined) {
    loading = import(url) as Promise<Record<string, unknown>>;
    modules.set(url, loading);
  }
  const exports = await loading.catch((error: unknown) => {
    throw new Error(`the scorer pool could not import ${url}, the module defineMetric's module names: ${(error as Error).message}${moduleImportHint(url)}`);
  });
  const found = metricsExportedBy(exports).find((metric) => metric.name === name);
  if (found === undefined) throw new Error(`${url} exports no metric named "${name}"; export the definition from the module its module: import.meta.url names`);
  return found;
}


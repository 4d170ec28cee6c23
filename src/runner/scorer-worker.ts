// The scorer pool's worker: scores one sample with one built-in metric, looked up by
// implementation name, exactly as the in-process path does (normalized the same way).
import type { MetricSpec } from '../config/schema.js';
import type { Sample } from '../datasets/sample.js';
import type { MetricOutput, MetricScore } from '../metrics/metric.js';
import { normalizeScore } from '../metrics/normalize.js';
import { builtinMetrics } from '../metrics/registry.js';

export interface ScoreJob {
  /** `params` already parsed by the metric's params schema. */
  metric: Pick<MetricSpec, 'metric_id' | 'implementation' | 'params' | 'pass_threshold'>;
  sample: Sample;
  output: MetricOutput;
}

/** Sent once per worker before real work, so start-up is never counted against a timeout. */
export const WARM_UP = 'warm-up';

/** A metric's error as it crosses back: structured cloning keeps only the standard error
 *  names, and the name is the sample_error's error_type (invalid_score, bad_reference…). */
export interface WorkerFailure {
  failed: { name: string; message: string };
}

export default async function scoreInWorker(job: ScoreJob | typeof WARM_UP): Promise<MetricScore | WorkerFailure | null> {
  if (job === WARM_UP) return null;
  try {
    const metric = builtinMetrics.resolve(job.metric);
    // The pool cuts a worker off by terminating it; this signal never aborts inside one.
    const signal = new AbortController().signal;
    const returned = await metric.score({ sample: job.sample, output: job.output, params: job.metric.params, signal });
    return normalizeScore(job.metric.metric_id, returned, job.metric.pass_threshold);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { failed: { name: e.name, message: e.message } };
  }
}

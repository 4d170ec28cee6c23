// The scorer pool's worker: scores one sample with one metric, looked up by implementation
// name, exactly as the in-process path does.
import type { MetricSpec } from '../config/schema.js';
import type { Sample } from '../datasets/sample.js';
import type { MetricScore } from '../metrics/metric.js';
import { createMetric } from '../metrics/registry.js';

export interface ScoreJob {
  metric: Pick<MetricSpec, 'metric_id' | 'implementation' | 'params'>;
  sample: Sample;
  text: string;
}

/** Sent once per worker before real work, so start-up is never counted against a timeout. */
export const WARM_UP = 'warm-up';

export default function scoreInWorker(job: ScoreJob | typeof WARM_UP): MetricScore | null {
  if (job === WARM_UP) return null;
  return createMetric(job.metric).score({ sample: job.sample, text: job.text, params: job.metric.params });
}

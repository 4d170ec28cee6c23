// What every metric implementation provides. Scoring is per sample and pure; the runner
// aggregates (mean) and records the result.
import type { Sample } from '../datasets/sample.js';

export interface MetricInput {
  sample: Sample;
  /** The model's reply text. */
  text: string;
  /** The metric spec's `params` from the YAML (empty when it gives none). */
  params?: Record<string, unknown>;
}

export interface MetricScore {
  score: number;
  prediction: string | null;
  reference: string | null;
}

export interface Metric {
  implementation: string;
  /**
   * Scoring takes real CPU time (say a millisecond or more per sample). The runner then scores
   * in a worker pool so the requests' event loop never waits on it, and a scorer that overruns
   * `metric_timeout_ms` can be cut off. Cheap metrics stay in-process: a round trip to a worker
   * costs more than they do.
   */
  cpu_heavy?: boolean;
  score(input: MetricInput): MetricScore;
}

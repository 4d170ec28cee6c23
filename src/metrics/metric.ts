// What every metric implementation provides. Scoring is per sample and pure; the runner
// aggregates (mean) and records the result.
import type { Sample } from '../datasets/sample.js';

export interface MetricInput {
  sample: Sample;
  /** The model's reply text. */
  text: string;
}

export interface MetricScore {
  score: number;
  prediction: string | null;
  reference: string | null;
}

export interface Metric {
  implementation: string;
  score(input: MetricInput): MetricScore;
}

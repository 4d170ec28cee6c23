// metric_timeout_ms: how long one metric may take on one sample. Past it the score is dropped
// and the sample gets a scoring sample_error of type `metric_timeout`.

/** When a metric names no metric_timeout_ms: generous, so only a stuck scorer hits it. */
export const DEFAULT_METRIC_TIMEOUT_MS = 60_000;

export class MetricTimeoutError extends Error {
  /** describeError reports the name as the sample_error's error_type. */
  override readonly name = 'metric_timeout';

  constructor(metricId: string, timeoutMs: number) {
    super(`metric "${metricId}" took longer than its metric_timeout_ms (${timeoutMs} ms) on this sample and was cut off`);
  }
}

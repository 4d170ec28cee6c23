// Scores one sample with every metric of a case. Each metric runs in-process or in the scorer
// pool (CPU-heavy ones, or all of them with EVALMATRIX_SCORER_POOL=1), under its
// metric_timeout_ms. The runner and the benchmark's baseline both score through this.
import type { MetricSpec } from '../config/schema.js';
import type { Sample } from '../datasets/sample.js';
import type { Metric, MetricScore } from '../metrics/metric.js';
import { createMetric } from '../metrics/registry.js';
import { DEFAULT_METRIC_TIMEOUT_MS, MetricTimeoutError } from './metric-timeout.js';
import { acquireScorerPool } from './scorer-pool.js';
import type { ScoreJob } from './scorer-worker.js';

/** `auto`: the pool for metrics that declare cpu_heavy; `always` / `never` override that. */
export type ScorerPoolMode = 'auto' | 'always' | 'never';

export type ScoreOutcome = { metric_id: string; scored: MetricScore } | { metric_id: string; error: unknown };

export interface SampleScorer {
  /** One outcome per metric, in the case's metric order. Never rejects. */
  score(sample: Sample, text: string): Promise<ScoreOutcome[]>;
  /** Releases the scorer pool if this scorer used it. */
  close(): Promise<void>;
}

/** EVALMATRIX_SCORER_POOL: 1 forces every metric into the pool, 0 keeps every metric in-process. */
export function scorerPoolMode(env: Record<string, string | undefined> = process.env): ScorerPoolMode {
  const raw = (env.EVALMATRIX_SCORER_POOL ?? '').trim().toLowerCase();
  if (raw === '') return 'auto';
  if (['1', 'true', 'on'].includes(raw)) return 'always';
  if (['0', 'false', 'off'].includes(raw)) return 'never';
  throw new Error(`EVALMATRIX_SCORER_POOL="${env.EVALMATRIX_SCORER_POOL}" is not understood; use 1 (score every metric in the worker pool), 0 (score in-process) or leave it unset (the pool for CPU-heavy metrics).`);
}

export function createSampleScorer(specs: readonly MetricSpec[], mode: ScorerPoolMode = scorerPoolMode()): SampleScorer {
  const metrics = specs.map((spec) => {
    const metric = createMetric(spec);
    const pooled = mode === 'always' || (mode === 'auto' && metric.cpu_heavy === true);
    return { spec, metric, pooled, timeoutMs: spec.metric_timeout_ms ?? DEFAULT_METRIC_TIMEOUT_MS };
  });
  // Acquired up front, so the workers start while the first requests are in flight.
  const lease = metrics.some((m) => m.pooled) ? acquireScorerPool() : undefined;

  const scoreOne = async (m: (typeof metrics)[number], sample: Sample, text: string): Promise<MetricScore> => {
    const job: ScoreJob = { metric: { metric_id: m.spec.metric_id, implementation: m.spec.implementation, params: m.spec.params }, sample, text };
    return lease && m.pooled ? lease.pool.score(job, m.timeoutMs) : scoreInProcess(m.metric, job, m.timeoutMs);
  };

  return {
    score: (sample, text) =>
      Promise.all(
        metrics.map((m) =>
          scoreOne(m, sample, text).then(
            (scored): ScoreOutcome => ({ metric_id: m.spec.metric_id, scored }),
            (error: unknown): ScoreOutcome => ({ metric_id: m.spec.metric_id, error }),
          ),
        ),
      ),
    close: async () => lease?.release(),
  };
}

/**
 * In-process scoring is synchronous and can't be interrupted; a score that overran its timeout
 * is dropped all the same, so a sample's outcome doesn't depend on where it was scored.
 */
function scoreInProcess(metric: Metric, job: ScoreJob, timeoutMs: number): MetricScore {
  const started = performance.now();
  const scored = metric.score({ sample: job.sample, text: job.text, params: job.metric.params });
  if (performance.now() - started > timeoutMs) throw new MetricTimeoutError(job.metric.metric_id, timeoutMs);
  return scored;
}

// Scores one sample with every metric of a case. Each metric runs in-process or in the scorer
// pool (CPU-heavy built-ins, or every built-in with EVALMATRIX_SCORER_POOL=1), under its
// metric_timeout_ms. The runner and the benchmark's baseline both score through this.
import type { MetricSpec } from '../config/schema.js';
import type { Sample } from '../datasets/sample.js';
import type { MetricDefinition, MetricOutput, MetricScore } from '../metrics/metric.js';
import { normalizeScore } from '../metrics/normalize.js';
import { builtinMetrics, type MetricRegistry } from '../metrics/registry.js';
import { DEFAULT_METRIC_TIMEOUT_MS, MetricTimeoutError } from './metric-timeout.js';
import { acquireScorerPool } from './scorer-pool.js';
import type { ScoreJob } from './scorer-worker.js';

/** `auto`: the pool for metrics that declare cpu_heavy; `always` / `never` override that. */
export type ScorerPoolMode = 'auto' | 'always' | 'never';

export type ScoreOutcome = { metric_id: string; scored: MetricScore } | { metric_id: string; error: unknown };

export interface SampleScorer {
  /** One outcome per metric, in the case's metric order. Never rejects. */
  score(sample: Sample, output: MetricOutput): Promise<ScoreOutcome[]>;
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

export interface ScorerOptions {
  mode?: ScorerPoolMode;
  /** Where implementations are found; the built-ins alone unless a suite registered metrics. */
  registry?: MetricRegistry;
  /** The case's signal: an async metric sees it abort when the case is cancelled. */
  signal?: AbortSignal;
}

export function createSampleScorer(specs: readonly MetricSpec[], options: ScorerOptions | ScorerPoolMode = {}): SampleScorer {
  const { mode = scorerPoolMode(), registry = builtinMetrics, signal } = typeof options === 'string' ? { mode: options } : options;
  const metrics = specs.map((spec) => {
    const metric = registry.resolve(spec);
    // Only built-ins can move to a worker: a metric defined in an eval file lives in that file.
    const pooled = registry.isBuiltin(spec.implementation) && (mode === 'always' || (mode === 'auto' && metric.cpu_heavy === true));
    return { spec, metric, params: parseParams(metric, spec), pooled, timeoutMs: spec.metric_timeout_ms ?? DEFAULT_METRIC_TIMEOUT_MS };
  });
  // Acquired up front, so the workers start while the first requests are in flight.
  const lease = metrics.some((m) => m.pooled) ? acquireScorerPool() : undefined;

  const scoreOne = async (m: (typeof metrics)[number], sample: Sample, output: MetricOutput): Promise<MetricScore> => {
    if (lease && m.pooled) {
      const { metric_id, implementation, pass_threshold } = m.spec;
      const job: ScoreJob = { metric: { metric_id, implementation, params: m.params, ...(pass_threshold === undefined ? {} : { pass_threshold }) }, sample, output };
      return lease.pool.score(job, m.timeoutMs);
    }
    return scoreInProcess(m.metric, m.spec, m.params, sample, output, m.timeoutMs, signal);
  };

  return {
    score: (sample, output) =>
      Promise.all(
        metrics.map((m) =>
          scoreOne(m, sample, output).then(
            (scored): ScoreOutcome => ({ metric_id: m.spec.metric_id, scored }),
            (error: unknown): ScoreOutcome => ({ metric_id: m.spec.metric_id, error }),
          ),
        ),
      ),
    close: async () => lease?.release(),
  };
}

/** The spec's params through the metric's own schema (defaults filled). The pipeline's load
 *  checks already reported bad params, located; this only fails for specs built in code. */
function parseParams(metric: MetricDefinition<unknown>, spec: MetricSpec): Record<string, unknown> {
  if (!metric.params) return spec.params;
  const parsed = metric.params.safeParse(spec.params);
  if (!parsed.success) throw new Error(`metric "${spec.metric_id}" (${spec.implementation}): bad params: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ')}`);
  return parsed.data as Record<string, unknown>;
}

/**
 * In-process: an async metric is raced against its timeout and told to stop through its
 * signal; a synchronous one can't be interrupted, but a score that overran is dropped all the
 * same, so a sample's outcome doesn't depend on where it was scored.
 */
async function scoreInProcess(
  metric: MetricDefinition<unknown>,
  spec: MetricSpec,
  params: Record<string, unknown>,
  sample: Sample,
  output: MetricOutput,
  timeoutMs: number,
  caseSignal: AbortSignal | undefined,
): Promise<MetricScore> {
  const controller = new AbortController();
  const onCaseAbort = () => controller.abort(caseSignal?.reason);
  caseSignal?.addEventListener('abort', onCaseAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  try {
    const returned = metric.score({ sample, output, params, signal: controller.signal });
    if (performance.now() - started > timeoutMs) throw new MetricTimeoutError(spec.metric_id, timeoutMs);
    const settled = isPromiseLike(returned)
      ? await Promise.race([
          returned,
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              const error = new MetricTimeoutError(spec.metric_id, timeoutMs);
              controller.abort(error);
              reject(error);
            }, Math.max(0, timeoutMs - (performance.now() - started)));
          }),
        ])
      : returned;
    return normalizeScore(spec.metric_id, settled, spec.pass_threshold);
  } finally {
    clearTimeout(timer);
    caseSignal?.removeEventListener('abort', onCaseAbort);
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

// Scores one sample with every metric of a case. Each metric runs in-process or in the scorer
// pool (CPU-heavy metrics, or every poolable one with EVALMATRIX_SCORER_POOL=1), under its
// metric_timeout_ms. The runner and the benchmark's baseline both score through this.
import { judgeAdapterOf } from '../config/judge-ref.js';
import type { MetricSpec } from '../config/schema.js';
import type { Sample } from '../datasets/sample.js';
import type { MetricDefinition, MetricOutput, MetricScore } from '../metrics/metric.js';
import { builtinMetrics, type MetricRegistry } from '../metrics/registry.js';
import type { Usage } from '../providers/types.js';
import type { JudgeClients } from './judge-clients.js';
import { DEFAULT_METRIC_TIMEOUT_MS } from './metric-timeout.js';
import { scoreInProcess, type InProcessJob } from './score-in-process.js';
import { acquireScorerPool } from './scorer-pool.js';
import type { ScoreJob } from './scorer-worker.js';

/** `auto`: the pool for metrics that declare cpu_heavy; `always` / `never` override that. */
export type ScorerPoolMode = 'auto' | 'always' | 'never';

/** One metric's outcome on one sample; `judge_usage` when it called a judge (even if it failed),
 *  with the judge's adapter, whose backend prices those tokens. */
export type ScoreOutcome = { metric_id: string; judge_usage?: Usage; judge_adapter?: string } & ({ scored: MetricScore } | { error: unknown });

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
  /** The case's judges, for metrics whose params.judge names one. */
  judges?: JudgeClients;
}

interface PreparedMetric extends InProcessJob {
  pooled: boolean;
}

export function createSampleScorer(specs: readonly MetricSpec[], options: ScorerOptions | ScorerPoolMode = {}): SampleScorer {
  const { mode = scorerPoolMode(), registry = builtinMetrics, signal, judges } = typeof options === 'string' ? { mode: options } : options;
  const metrics = specs.map((spec): PreparedMetric => {
    const metric = registry.resolve(spec);
    const judge = judgeOf(spec, judges);
    // A worker imports a metric by name: a built-in, or one defined in TypeScript that says
    // which module exports it. A judge's client lives here, so a judging metric stays here.
    const poolable = judge === undefined && (registry.isBuiltin(spec.implementation) || metric.module !== undefined);
    const pooled = poolable && (mode === 'always' || (mode === 'auto' && metric.cpu_heavy === true));
    return { spec, metric, params: parseParams(metric, spec), pooled, timeoutMs: spec.metric_timeout_ms ?? DEFAULT_METRIC_TIMEOUT_MS, judge };
  });
  // Acquired up front, so the workers start while the first requests are in flight.
  const lease = metrics.some((m) => m.pooled) ? acquireScorerPool() : undefined;

  const scoreOne = async (m: PreparedMetric, sample: Sample, output: MetricOutput): Promise<ScoreOutcome> => {
    let judgeUsage: Usage | undefined;
    const judged = (): Partial<ScoreOutcome> => (judgeUsage && m.judge ? { judge_usage: judgeUsage, judge_adapter: m.judge.adapterId } : {});
    try {
      const scored = lease && m.pooled
        ? await lease.pool.score(poolJob(m, sample, output), m.timeoutMs)
        : await scoreInProcess(m, sample, output, signal, (usage) => (judgeUsage = usage));
      return { metric_id: m.spec.metric_id, scored, ...judged() };
    } catch (error) {
      return { metric_id: m.spec.metric_id, error, ...judged() };
    }
  };

  return {
    score: (sample, output) => Promise.all(metrics.map((m) => scoreOne(m, sample, output))),
    close: async () => lease?.release(),
  };
}

function poolJob(m: PreparedMetric, sample: Sample, output: MetricOutput): ScoreJob {
  const { metric_id, implementation, pass_threshold } = m.spec;
  const module = m.metric.module;
  return {
    metric: { metric_id, implementation, params: m.params, ...(pass_threshold === undefined ? {} : { pass_threshold }), ...(module === undefined ? {} : { module }) },
    sample,
    output,
  };
}

function judgeOf(spec: MetricSpec, judges: JudgeClients | undefined) {
  const adapterId = judgeAdapterOf(spec);
  if (adapterId === undefined) return undefined;
  const judge = judges?.get(adapterId);
  if (judge === undefined) throw new Error(`metric "${spec.metric_id}": judge "${adapterId}" has no client; create the case's judges (createJudgeClients) and pass them to the scorer`);
  return judge;
}

/** The spec's params through the metric's own schema (defaults filled). The pipeline's load
 *  checks already reported bad params, located; this only fails for specs built in code. */
function parseParams(metric: MetricDefinition<unknown>, spec: MetricSpec): Record<string, unknown> {
  if (!metric.params) return spec.params;
  const parsed = metric.params.safeParse(spec.params);
  if (!parsed.success) throw new Error(`metric "${spec.metric_id}" (${spec.implementation}): bad params: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; ')}`);
  return parsed.data as Record<string, unknown>;
}

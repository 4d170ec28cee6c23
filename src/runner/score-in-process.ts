// Scoring one sample with one metric in this thread, under its metric_timeout_ms. An async
// metric (a judge's call included) is raced against the timeout and told to stop through its
// signal; a synchronous one can't be interrupted, but a score that overran is dropped all the
// same, so a sample's outcome doesn't depend on where it was scored. Whatever the metric does
// wrong becomes an error naming it; a judge's tokens are counted even when scoring fails.
import type { MetricSpec } from '../config/schema.js';
import type { Sample } from '../datasets/sample.js';
import type { MetricDefinition, MetricOutput, MetricScore } from '../metrics/metric.js';
import { InvalidScoreError, normalizeScore } from '../metrics/normalize.js';
import { onAbort } from '../providers/on-abort.js';
import type { Usage } from '../providers/types.js';
import { openJudgeSession, type JudgeRuntime } from './judge-clients.js';
import { MetricError } from './metric-error.js';
import { MetricTimeoutError } from './metric-timeout.js';

export interface InProcessJob {
  metric: MetricDefinition<unknown>;
  spec: MetricSpec;
  params: Record<string, unknown>;
  timeoutMs: number;
  /** The judge the spec's params.judge names, if any. */
  judge?: JudgeRuntime | undefined;
}

export async function scoreInProcess(
  job: InProcessJob,
  sample: Sample,
  output: MetricOutput,
  caseSignal: AbortSignal | undefined,
  onJudgeUsage: (usage: Usage) => void,
): Promise<MetricScore> {
  const { spec, timeoutMs } = job;
  const abort = lazyAbort(caseSignal);
  const session = job.judge ? openJudgeSession(job.judge, sample, output, abort.signal()) : undefined;
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  try {
    const args = { sample, output, params: job.params, get signal() { return abort.signal(); }, ...(session ? { judge: session.handle } : {}) };
    const returned = job.metric.score(args);
    if (performance.now() - started > timeoutMs) throw new MetricTimeoutError(spec.metric_id, timeoutMs);
    const settled = isPromiseLike(returned)
      ? await Promise.race([
          returned,
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              const error = new MetricTimeoutError(spec.metric_id, timeoutMs);
              // Rejected before the metric hears of it: a metric that answers its abort at once
              // must not win the race with a score past its time.
              reject(error);
              abort.abort(error);
            }, Math.max(0, timeoutMs - (performance.now() - started)));
          }),
        ])
      : returned;
    const scored = normalizeScore(spec.metric_id, settled, spec.pass_threshold);
    const judged = session?.record(scored.prediction);
    return judged ? { ...scored, judge: judged } : scored;
  } catch (error) {
    throw error instanceof MetricTimeoutError || error instanceof InvalidScoreError ? error : new MetricError(spec.metric_id, error);
  } finally {
    clearTimeout(timer);
    abort.release();
    if (session) onJudgeUsage(session.usage);
  }
}

/**
 * The metric's signal, made when first read: aborted when the case is cancelled or the metric
 * overruns. Most metrics are synchronous and never read it, and on Node 20 making an AbortSignal
 * and watching the case's costs about 8 µs, paid per metric per sample.
 */
function lazyAbort(caseSignal: AbortSignal | undefined) {
  let controller: AbortController | undefined;
  let unwatch: (() => void) | undefined;
  return {
    signal(): AbortSignal {
      if (controller === undefined) {
        const made = new AbortController();
        controller = made;
        if (caseSignal) unwatch = onAbort(caseSignal, () => made.abort(caseSignal.reason));
      }
      return controller.signal;
    },
    abort(reason: unknown): void {
      controller?.abort(reason);
    },
    release(): void {
      unwatch?.();
    },
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

// Incremental aggregation of one case: constant memory whatever the sample count.
import type { Usage } from '../providers/types.js';
import { LatencyHistogram } from './latency-histogram.js';
import type { LatencyStats, MetricSummary } from './summary.js';

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

interface MetricTally {
  sum: number;
  count: number;
  /** Samples that carried a pass verdict (the metric's own, or pass_threshold), and how many passed. */
  judged: number;
  passed: number;
}

export class CaseAggregate {
  readonly latency = new LatencyHistogram();
  /** The model under test's tokens. */
  readonly usage = { prompt_tokens: 0, completion_tokens: 0 };
  /** Judges' tokens (every call an llm_judge or judging metric made). */
  readonly judgeUsage = { prompt_tokens: 0, completion_tokens: 0 };
  private readonly scores = new Map<string, MetricTally>();
  /** Samples that failed (plus whole-dataset failures): a count, never a list of ids. */
  errorCount = 0;
  sampleCount = 0;

  constructor(metricIds: readonly string[]) {
    for (const id of metricIds) this.scores.set(id, { sum: 0, count: 0, judged: 0, passed: 0 });
  }

  addInference(latencyMs: number, usage: Usage): void {
    this.latency.add(latencyMs);
    this.usage.prompt_tokens += usage.prompt_tokens;
    this.usage.completion_tokens += usage.completion_tokens;
  }

  addJudgeUsage(usage: Usage): void {
    this.judgeUsage.prompt_tokens += usage.prompt_tokens;
    this.judgeUsage.completion_tokens += usage.completion_tokens;
  }

  /** `passed` is the sample's pass verdict when its metric has a pass criterion. */
  addScore(metricId: string, score: number, passed?: boolean): void {
    const s = this.scores.get(metricId);
    if (!s) throw new Error(`internal: score for unregistered metric ${metricId}`);
    s.sum += score;
    s.count += 1;
    if (passed === undefined) return;
    s.judged += 1;
    if (passed) s.passed += 1;
  }

  /** Call once per failed sample, however many of its metrics failed (the runner knows). */
  addFailedSample(): void {
    this.errorCount += 1;
  }

  /** Mean score per metric, or null when nothing was scored. */
  means(): Map<string, number | null> {
    const out = new Map<string, number | null>();
    for (const [id, s] of this.scores) out.set(id, s.count === 0 ? null : s.sum / s.count);
    return out;
  }

  /** Share of samples that passed, per metric; null when no sample carried a pass verdict. */
  passRates(): Map<string, number | null> {
    const out = new Map<string, number | null>();
    for (const [id, s] of this.scores) out.set(id, s.judged === 0 ? null : s.passed / s.judged);
    return out;
  }

  metricSummaries(): MetricSummary[] {
    return [...this.scores].map(([metric_id, s]) => {
      const acc = s.count === 0 ? 0 : s.sum / s.count;
      const values: Record<string, string> = { acc: acc.toFixed(5) };
      const raw_values: Record<string, number> = { acc };
      // Only metrics with a pass criterion get one: a pass_rate of 0 must mean none passed.
      if (s.judged > 0) {
        raw_values.pass_rate = s.passed / s.judged;
        values.pass_rate = raw_values.pass_rate.toFixed(5);
      }
      return { metric_id, aggregation: 'mean' as const, values, raw_values, count: s.count };
    });
  }

  latencyStats(): LatencyStats {
    const h = this.latency;
    return { mean: round(h.mean()), p50: round(h.quantile(0.5)), p95: round(h.quantile(0.95)), p99: round(h.quantile(0.99)) };
  }
}

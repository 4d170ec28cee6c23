// Incremental aggregation of one case: constant memory whatever the sample count. Scores are
// tallied twice: per trial (the mean and pass_rate, as every summary has them) and per sample
// (its trials' tallies, folded into each metric's statistics when the sample's last trial ends).
import type { Usage } from '../providers/types.js';
import { LatencyHistogram } from './latency-histogram.js';
import { SampleTrials, type OpenSample } from './sample-trials.js';
import { ExactSum } from './stats/exact-sum.js';
import { MetricStatsAccumulator, type MetricStats } from './stats/metric-stats.js';
import type { LatencyStats, MetricSummary } from './summary.js';

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

interface MetricTally {
  /** Exact: trials are scored in any order, and the mean must not depend on it. */
  sum: ExactSum;
  count: number;
  /** Trials that carried a pass verdict (the metric's own, or pass_threshold), and how many passed. */
  judged: number;
  passed: number;
  stats: MetricStatsAccumulator;
}

export type { OpenSample };

export class CaseAggregate {
  readonly latency = new LatencyHistogram();
  /** The model under test's tokens. */
  readonly usage = { prompt_tokens: 0, completion_tokens: 0 };
  /** Answers replayed from recordings (when recordings are on): counted apart from `usage`,
   *  and kept out of the latency percentiles, so a replayed run reports what it really spent. */
  readonly cached: { count: number; prompt_tokens: number; completion_tokens: number } | undefined;
  /** Judges' tokens (every call an llm_judge or judging metric made). */
  readonly judgeUsage = { prompt_tokens: 0, completion_tokens: 0 };
  /** The same by judge adapter, which decides their price (a case has a few judges at most). */
  readonly judgeUsageByAdapter = new Map<string, Usage>();
  private readonly scores = new Map<string, MetricTally & { index: number }>();
  private readonly trials: SampleTrials;
  /** Samples that failed — in any of their trials, or before (a bad row, a prompt that did not
   *  render, an unreadable dataset): a count, never a list of ids. */
  errorCount = 0;
  sampleCount = 0;
  /** Trials that ended, and those that failed (inference or scoring). */
  trialCount = 0;
  trialErrorCount = 0;

  constructor(
    metricIds: readonly string[],
    readonly repeats = 1,
    tracksCached = false,
  ) {
    this.cached = tracksCached ? { count: 0, prompt_tokens: 0, completion_tokens: 0 } : undefined;
    metricIds.forEach((id, index) => this.scores.set(id, { sum: new ExactSum(), count: 0, judged: 0, passed: 0, stats: new MetricStatsAccumulator(repeats), index }));
    const byIndex = [...this.scores.values()];
    this.trials = new SampleTrials(repeats, (sample) => {
      if (sample.cut) {
        this.sampleCount -= 1;
        return;
      }
      if (sample.failed) this.errorCount += 1;
      sample.tallies.forEach((tally, i) => tally && byIndex[i]!.stats.addSample(tally));
    });
  }

  /** A sample whose `repeats` trials are about to run (counted in sampleCount); end each with endTrial. */
  startSample(): OpenSample {
    this.sampleCount += 1;
    return this.trials.start();
  }

  /** One answered inference; a replayed one (`cached`) counts apart and has no latency of its own. */
  addInference(latencyMs: number, usage: Usage, cached = false): void {
    if (cached && this.cached) {
      this.cached.count += 1;
      this.cached.prompt_tokens += usage.prompt_tokens;
      this.cached.completion_tokens += usage.completion_tokens;
      return;
    }
    this.latency.add(latencyMs);
    this.usage.prompt_tokens += usage.prompt_tokens;
    this.usage.completion_tokens += usage.completion_tokens;
  }

  addJudgeUsage(usage: Usage, adapterId?: string): void {
    this.judgeUsage.prompt_tokens += usage.prompt_tokens;
    this.judgeUsage.completion_tokens += usage.completion_tokens;
    if (adapterId === undefined) return;
    const own = this.judgeUsageByAdapter.get(adapterId) ?? { prompt_tokens: 0, completion_tokens: 0 };
    own.prompt_tokens += usage.prompt_tokens;
    own.completion_tokens += usage.completion_tokens;
    this.judgeUsageByAdapter.set(adapterId, own);
  }

  /** One trial's score; `passed` is its pass verdict when the metric has a pass criterion. */
  addScore(sample: OpenSample, metricId: string, score: number, passed?: boolean): void {
    const s = this.scores.get(metricId);
    if (!s) throw new Error(`internal: score for unregistered metric ${metricId}`);
    s.sum.add(score);
    s.count += 1;
    if (passed !== undefined) {
      s.judged += 1;
      if (passed) s.passed += 1;
    }
    this.trials.score(sample, s.index, score, passed);
  }

  /** Once per trial, after its scores; a failed trial makes its sample count as failed. */
  endTrial(sample: OpenSample, failed: boolean): void {
    this.trialCount += 1;
    if (failed) this.trialErrorCount += 1;
    this.trials.endTrial(sample, failed);
  }

  /** A trial an interruption cut off mid-flight (see interruption.ts). */
  cutTrial(sample: OpenSample): void {
    sample.cut = true;
  }

  /** A sample that failed before its trials (a bad row, a prompt error) or a whole dataset;
   *  the caller counts a sample in sampleCount, a dataset not. */
  addFailedSample(): void {
    this.errorCount += 1;
  }

  /** At the case's end: samples a cancel left with trials unrun count with the trials they have. */
  finish(): void {
    this.trials.closeAll();
  }

  /** Samples with trials still to end (0 once every started sample finished). */
  get openSamples(): number {
    return this.trials.openCount;
  }

  /** Mean score per metric over scored trials, or null when nothing was scored. */
  means(): Map<string, number | null> {
    return this.perMetric((s) => (s.count === 0 ? null : s.sum.value() / s.count));
  }

  /** Share of trials that passed, per metric; null when no trial carried a pass verdict. */
  passRates(): Map<string, number | null> {
    return this.perMetric((s) => (s.judged === 0 ? null : s.passed / s.judged));
  }

  /** Each metric's statistics over samples (see stats/metric-stats.ts); undefined when none was scored. */
  stats(): Map<string, MetricStats | undefined> {
    return this.perMetric((s) => s.stats.result());
  }

  metricSummaries(): MetricSummary[] {
    return [...this.scores].map(([metric_id, s]) => {
      const acc = s.count === 0 ? 0 : s.sum.value() / s.count;
      const values: Record<string, string> = { acc: acc.toFixed(5) };
      const raw_values: Record<string, number> = { acc };
      // Only metrics with a pass criterion get one: a pass_rate of 0 must mean none passed.
      if (s.judged > 0) {
        raw_values.pass_rate = s.passed / s.judged;
        values.pass_rate = raw_values.pass_rate.toFixed(5);
      }
      const stats = s.stats.result();
      return { metric_id, aggregation: 'mean' as const, values, raw_values, count: s.count, ...(stats ? { stats } : {}) };
    });
  }

  latencyStats(): LatencyStats {
    const h = this.latency;
    return { mean: round(h.mean()), p50: round(h.quantile(0.5)), p95: round(h.quantile(0.95)), p99: round(h.quantile(0.99)) };
  }

  private perMetric<T>(of: (s: MetricTally) => T): Map<string, T> {
    const out = new Map<string, T>();
    for (const [id, s] of this.scores) out.set(id, of(s));
    return out;
  }
}

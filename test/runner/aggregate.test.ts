// CaseAggregate keeps counters and a latency histogram, never the samples; its results must
// agree with an exact computation over every sample kept in arrays.
import { describe, expect, it } from 'vitest';
import { CaseAggregate } from '../../src/runner/aggregate.js';

function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('CaseAggregate', () => {
  it('matches an exact computation over 500 samples', () => {
    const agg = new CaseAggregate(['acc', 'f1']);
    const latencies: number[] = [];
    const scores: Record<string, number[]> = { acc: [], f1: [] };
    let prompt = 0;
    let completion = 0;
    let failed = 0;
    for (let i = 0; i < 500; i++) {
      if (i % 17 === 0) {
        agg.sampleCount += 1;
        agg.addFailedSample();
        failed += 1;
        continue;
      }
      // A long-tailed latency spread with repeats, and token counts that vary.
      const latency = 3 + ((i * 7919) % 997) * (i % 10 === 0 ? 4.5 : 0.3);
      const usage = { prompt_tokens: 20 + (i % 13), completion_tokens: i % 5 };
      agg.addInference(latency, usage);
      latencies.push(latency);
      prompt += usage.prompt_tokens;
      completion += usage.completion_tokens;
      const sample = agg.startSample();
      const acc = i % 3 === 0 ? 0 : 1;
      agg.addScore(sample, 'acc', acc);
      scores.acc!.push(acc);
      if (i % 2 === 0) {
        const f1 = (i % 7) / 7;
        agg.addScore(sample, 'f1', f1);
        scores.f1!.push(f1);
      }
      agg.endTrial(sample, false);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

    expect(agg.errorCount).toBe(failed);
    expect(agg.sampleCount).toBe(500);
    expect(agg.openSamples).toBe(0);
    // One trial a sample: the statistics are over the same scores as the mean.
    const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
    const f1Stats = agg.stats().get('f1')!;
    expect(f1Stats.samples).toBe(scores.f1!.length);
    expect(f1Stats.mean).toBeCloseTo(mean(scores.f1!), 12);
    expect(f1Stats.stderr).toBeCloseTo(sd(scores.f1!) / Math.sqrt(scores.f1!.length), 12);
    expect(f1Stats).not.toHaveProperty('pass_at_k');
    expect(agg.usage).toEqual({ prompt_tokens: prompt, completion_tokens: completion });
    expect(agg.means().get('acc')).toBeCloseTo(mean(scores.acc!), 12);
    expect(agg.means().get('f1')).toBeCloseTo(mean(scores.f1!), 12);
    expect(agg.metricSummaries().map((m) => [m.metric_id, m.count, m.values.acc])).toEqual([
      ['acc', scores.acc!.length, mean(scores.acc!).toFixed(5)],
      ['f1', scores.f1!.length, mean(scores.f1!).toFixed(5)],
    ]);
    const stats = agg.latencyStats();
    expect(stats.mean).toBeCloseTo(mean(latencies), 2);
    for (const [q, value] of [[0.5, stats.p50], [0.95, stats.p95], [0.99, stats.p99]] as const) {
      const exact = exactQuantile(latencies, q);
      expect(Math.abs(value - exact) / exact).toBeLessThan(0.01);
    }
  });

  it('gives null means and zero stats when nothing was scored', () => {
    const agg = new CaseAggregate(['acc']);
    expect(agg.means().get('acc')).toBeNull();
    expect(agg.latencyStats()).toEqual({ mean: 0, p50: 0, p95: 0, p99: 0 });
    expect(agg.metricSummaries()[0]).toMatchObject({ count: 0, values: { acc: '0.00000' } });
  });

  it('adds pass_rate beside acc for metrics with a pass verdict, over the samples that carried one', () => {
    const agg = new CaseAggregate(['judged', 'plain']);
    const verdicts = [true, false, true, true, undefined];
    verdicts.forEach((passed, i) => {
      const sample = agg.startSample();
      agg.addScore(sample, 'judged', i / 4, passed);
      if (i === 0) agg.addScore(sample, 'plain', 1);
      agg.endTrial(sample, false);
    });
    expect(agg.passRates()).toEqual(new Map([['judged', 0.75], ['plain', null]]));
    const [judged, plain] = agg.metricSummaries();
    expect(judged).toMatchObject({ metric_id: 'judged', aggregation: 'mean', values: { acc: '0.50000', pass_rate: '0.75000' }, raw_values: { acc: 0.5, pass_rate: 0.75 }, count: 5 });
    expect(plain).toEqual({ metric_id: 'plain', aggregation: 'mean', values: { acc: '1.00000' }, raw_values: { acc: 1 }, count: 1, stats: { samples: 1, mean: 1, stderr: null, ci95: null } });
    // Scores 0, .25, .5, .75, 1: s² = 0.625/4, stderr = √(0.15625/5) = √0.03125;
    // t(0.975, 4 df) = 2.7764451051977934 (scipy.stats.t.ppf).
    const half = 2.7764451051977934 * Math.sqrt(0.03125);
    expect(judged!.stats!.stderr).toBeCloseTo(Math.sqrt(0.03125), 14);
    expect(judged!.stats!.ci95![0]).toBeCloseTo(0.5 - half, 12);
    expect(judged!.stats!.ci95![1]).toBeCloseTo(0.5 + half, 12);
  });

  it("keeps the judges' tokens apart from the model's", () => {
    const agg = new CaseAggregate([]);
    agg.addInference(5, { prompt_tokens: 10, completion_tokens: 2 });
    agg.addJudgeUsage({ prompt_tokens: 30, completion_tokens: 4 });
    agg.addJudgeUsage({ prompt_tokens: 1, completion_tokens: 1 });
    expect(agg.usage).toEqual({ prompt_tokens: 10, completion_tokens: 2 });
    expect(agg.judgeUsage).toEqual({ prompt_tokens: 31, completion_tokens: 5 });
  });
});

// Real Vitest on test/fixtures/repeats-suite: `repeats: 5` over six samples whose task answers
// right in its first c trials, c = 4, 5, 3, 2, 1, 0 — pass@k and the interval in summary.json
// against values worked by hand, thresholds on ci_low, and the trial on every event.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseDirs, readEvents, readSummary, runFixture } from './fixture-run.js';

const DIR = fileURLToPath(new URL('../fixtures/repeats-suite/', import.meta.url));

describe('vitest run with repeats: 5', () => {
  it('writes pass@k, pass^k, agreement and the 95% interval, and fails the case whose ci_low misses', async () => {
    const run = await runFixture({}, [], DIR);
    expect(run.output).toMatch(/draws_strict › be_openai failed:\n\s+- exact ci_low \(the lower end of its 95% interval\) = 0\.10734 is below the threshold 0\.3/);
    expect(run.output).toContain('2 passed');
    expect(run.code).toBe(1);
    const byTask = new Map(caseDirs(run.outDir, 'repeats_pipeline').map((dir) => [path.basename(path.dirname(dir)), dir]));

    const draws = readSummary(byTask.get('draws')!);
    expect(draws).toMatchObject({ status: 'passed', sample_count: 6, error_count: 0, repeats: 5, trial_count: 30, trial_error_count: 0 });
    const [exact] = draws.metrics;
    // 15 of 30 trials right; acc and pass_rate stay per trial, as without repeats.
    expect(exact).toMatchObject({ metric_id: 'exact', aggregation: 'mean', values: { acc: '0.50000', pass_rate: '0.50000' }, raw_values: { acc: 0.5, pass_rate: 0.5 }, count: 30 });
    const stats = exact!.stats!;
    // Per-sample means .8, 1, .6, .4, .2, 0: mean .5; squared deviations .09 .25 .01 .01 .09 .25
    // = .70, s² = .70/5 = .14, stderr = √(.14/6) = 0.15275; t(0.975, 5 df) = 2.5705818356363146,
    // so ci95 = .5 ± 0.39266 = [0.10734, 0.89266] (scipy.stats.t.interval agrees).
    expect(stats).toMatchObject({ samples: 6, k: 5 });
    expect(stats.mean).toBeCloseTo(0.5, 14);
    expect(stats.stderr).toBeCloseTo(Math.sqrt(0.14 / 6), 14);
    expect(stats.ci95![0]).toBeCloseTo(0.10733713860393518, 12);
    expect(stats.ci95![1]).toBeCloseTo(0.8926628613960648, 12);
    // Each sample has exactly its 5 trials: pass@5 is "some trial right" (5 of 6 samples),
    // pass^5 "every trial right" (s2 only), agreement all-right or all-wrong (s2, s6).
    expect(stats.pass_at_k).toBeCloseTo(5 / 6, 14);
    expect(stats.pass_hat_k).toBeCloseTo(1 / 6, 14);
    expect(stats.trial_agreement).toBeCloseTo(2 / 6, 14);
    expect(draws.thresholds).toEqual([{ metric_id: 'exact', min: 0.1, actual: stats.ci95![0], ok: true, on: 'ci_low' }]);

    // Every trial of every sample, once, on inference_end and auto_eval_sample alike.
    const events = readEvents(byTask.get('draws')!);
    for (const name of ['inference_end', 'auto_eval_sample'] as const) {
      const seen = events.filter((e) => e.event === name).map((e) => `${e.sample_id}#${(e.payload as { trial?: number }).trial}`);
      expect(seen.sort()).toEqual(['s1', 's2', 's3', 's4', 's5', 's6'].flatMap((s) => [0, 1, 2, 3, 4].map((t) => `${s}#${t}`)));
    }
    const s3 = events.filter((e) => e.event === 'auto_eval_sample' && e.sample_id === 's3').map((e) => e.payload as { trial: number; passed: boolean });
    expect(s3.sort((a, b) => a.trial - b.trial).map((p) => p.passed)).toEqual([true, true, true, false, false]);
    // The task was told its trial.
    const told = events.filter((e) => e.event === 'inference_end').map((e) => e.payload as unknown as { trial: number; metadata: { trial: number } });
    expect(told.every((p) => p.metadata.trial === p.trial)).toBe(true);

    const strict = readSummary(byTask.get('draws_strict')!);
    expect(strict.status).toBe('failed');
    expect(strict.thresholds[0]).toMatchObject({ min: 0.3, ok: false, on: 'ci_low' });

    // repeats: 1 — trial 0 of the same draws: right in s1..s5. Mean 5/6, s² = 1/6, stderr 1/6;
    // the interval over samples is there too, and no event has a trial field.
    const once = readSummary(byTask.get('once')!);
    expect(once).toMatchObject({ status: 'passed', sample_count: 6, repeats: 1, trial_count: 6 });
    expect(once.metrics[0]!.stats).toEqual({ samples: 6, mean: 5 / 6, stderr: expect.closeTo(1 / 6, 14), ci95: [expect.closeTo(0.40490302739394757, 12), 1] });
    expect(readEvents(byTask.get('once')!).filter((e) => 'trial' in (e.payload as object))).toEqual([]);
  });
});

// compareRuns and compareMetric on the fixture runs, against values worked out by hand from
// what the fixtures plant (test/fixtures/runs/README.md).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/report/compare/compare-runs.js';
import { compareMetric } from '../../src/report/compare/metric-delta.js';
import { resolveRun } from '../../src/report/read/resolve-run.js';
import { scanRun } from '../../src/report/read/scan-run.js';
import { BASE_RUN, CURRENT_RUN, NOISE_RUN, QA_ROOT } from './fixture-runs.js';

const compare = async (base: string, cur: string) => compareRuns(await scanRun(QA_ROOT, base), await scanRun(QA_ROOT, cur));

describe('compareRuns on the fixture runs', () => {
  it('finds the planted regression with its exact McNemar p and flipped samples', async () => {
    const cmp = await compare(BASE_RUN, CURRENT_RUN);
    const regress = cmp.cases.find((c) => c.model === 'model_regress')!;
    expect(regress.samples).toEqual({ baseline: 12, current: 12, shared: 12 });
    expect(regress.metrics).toHaveLength(1);
    const exact = regress.metrics[0]!;
    // s01–s09 went pass → fail (s09 by a scoring error, counted as a fail), s11 fail → pass;
    // s12 failed before and errors now: no flip. p = 2 · (1 + 10) / 2^10.
    expect(exact).toMatchObject({ metric_id: 'exact', measure: 'pass rate', paired: 12, test: 'mcnemar', verdict: 'regression' });
    expect(exact.p_value).toBe(0.021484375);
    expect(exact.to_fail).toEqual(['s01', 's02', 's03', 's04', 's05', 's06', 's07', 's08', 's09']);
    expect(exact.to_pass).toEqual(['s11']);
    expect(exact.baseline).toBeCloseTo(10 / 12, 12);
    expect(exact.current).toBeCloseTo(2 / 12, 12);
    expect(exact.delta).toBeCloseTo(-8 / 12, 12);
    expect(regress.latency_ms).toEqual({ baseline: { p50: 105, p95: 180 }, current: { p50: 155, p95: 280 } });
    expect(regress.errors).toEqual({ baseline: 0, current: 2 });
    expect(regress.cost_usd).toEqual({ baseline: 0.001, current: 0.0012 });
    expect(cmp.regressions).toBe(1);
    expect(cmp.improvements).toBe(0);
  });

  it('calls small movements noise: McNemar on 3 against 1 flips, a bootstrap interval across 0', async () => {
    const cmp = await compare(BASE_RUN, CURRENT_RUN);
    const noise = cmp.cases.find((c) => c.model === 'model_noise')!;
    const [exact, similarity] = noise.metrics;
    expect(exact).toMatchObject({ test: 'mcnemar', p_value: 0.625, to_fail: ['n01', 'n02', 'n03'], to_pass: ['n07'], verdict: 'no significant change' });
    // Differences -0.02 +0.02 -0.02 +0.02 -0.01 +0.01 -0.02 +0.01: mean -0.00125.
    expect(similarity).toMatchObject({ metric_id: 'similarity', measure: 'mean score', test: 'bootstrap', verdict: 'no significant change' });
    expect(similarity!.delta).toBeCloseTo(-0.00125, 12);
    expect(similarity!.ci95![0]).toBeLessThan(0);
    expect(similarity!.ci95![1]).toBeGreaterThan(0);
    expect(similarity!.ci95![0]).toBeGreaterThanOrEqual(-0.02);
    expect(similarity!.ci95![1]).toBeLessThanOrEqual(0.02);
    expect(noise.notes).toEqual(['only in the current run, not compared: judge_quality']);
    expect((await compare(BASE_RUN, CURRENT_RUN)).cases[0]!.metrics[1]!.ci95).toEqual(similarity!.ci95); // seeded
  });

  it('says when nothing can be paired and compares the means untested; lists cases on one side only', async () => {
    const cmp = await compare(BASE_RUN, CURRENT_RUN);
    const shuffled = cmp.cases.find((c) => c.model === 'model_shuffled')!;
    expect(shuffled.samples.shared).toBe(0);
    expect(shuffled.notes).toEqual(['no samples in common (baseline 4, current 4): the means are compared without a test']);
    expect(shuffled.metrics[0]).toMatchObject({ paired: 0, baseline: 1, current: 0.5, delta: -0.5, test: 'none', verdict: 'not tested' });
    expect(cmp.notes).toEqual([
      'cases only in the current run, not compared: qa › model_new',
      'cases only in the baseline, not compared: qa › model_gone',
    ]);
  });

  it('finds no regression between two runs that differ by noise', async () => {
    const cmp = await compare(NOISE_RUN, BASE_RUN);
    expect(cmp.regressions).toBe(0);
    const regress = cmp.cases.find((c) => c.model === 'model_regress')!.metrics[0]!;
    expect(regress).toMatchObject({ to_fail: ['s11'], to_pass: ['s05'], p_value: 1, verdict: 'no significant change' });
  });

  it('reports an improvement, not a regression, the other way round', async () => {
    const cmp = await compare(CURRENT_RUN, BASE_RUN);
    expect(cmp.regressions).toBe(0);
    expect(cmp.improvements).toBe(1);
  });
});

describe('compareMetric', () => {
  const pf = (base: boolean, cur: boolean, key: string) => ({ key, base: { score: base ? 1 : 0, passed: base }, cur: { score: cur ? 1 : 0, passed: cur } });

  it('needs a significant p and more drops than gains to call a regression', () => {
    const pairs = [...Array.from({ length: 6 }, (_, i) => pf(true, false, `d${i}`)), ...Array.from({ length: 4 }, (_, i) => pf(true, true, `k${i}`))];
    const m = compareMetric('acc', pairs);
    expect(m.p_value).toBe(2 / 64); // b = 6, c = 0
    expect(m.verdict).toBe('regression');
    expect(compareMetric('acc', pairs, 0.01).verdict).toBe('no significant change');
  });

  it('uses the bootstrap when a score is neither 0 nor 1 and no pass is given', () => {
    const pairs = Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, base: { score: 0.9, passed: undefined }, cur: { score: 0.5 + (i % 3) * 0.01, passed: undefined } }));
    const m = compareMetric('sim', pairs);
    expect(m.test).toBe('bootstrap');
    expect(m.verdict).toBe('regression');
    expect(m.ci95![1]).toBeLessThan(0);
  });

  it('tests nothing when nothing is paired', () => {
    expect(compareMetric('acc', [])).toMatchObject({ paired: 0, test: 'none', verdict: 'not tested', delta: null });
  });
});

describe('resolveRun', () => {
  it('reads latest, previous, run ids, unique prefixes and folders', () => {
    expect(resolveRun('latest', QA_ROOT)).toEqual({ root: QA_ROOT, run_id: CURRENT_RUN });
    expect(resolveRun('previous', QA_ROOT)).toEqual({ root: QA_ROOT, run_id: BASE_RUN });
    expect(resolveRun(NOISE_RUN, QA_ROOT)).toEqual({ root: QA_ROOT, run_id: NOISE_RUN });
    expect(resolveRun('20261120', QA_ROOT)).toEqual({ root: QA_ROOT, run_id: BASE_RUN });
    expect(resolveRun(path.join(QA_ROOT, 'model_noise', 'qa', NOISE_RUN), undefined)).toEqual({ root: QA_ROOT, run_id: NOISE_RUN });
    expect(resolveRun(QA_ROOT, undefined)).toEqual({ root: QA_ROOT, run_id: CURRENT_RUN });
  });

  it('says what is wrong with a name that is not a run', () => {
    expect(resolveRun('202611', QA_ROOT)).toEqual({ error: expect.stringContaining('matches 3 runs') });
    expect(resolveRun('nope', QA_ROOT)).toEqual({ error: expect.stringMatching(/"nope" is not a run: .* Runs under .*qa_pipeline: 20261119-100000-cccccc, /) });
    expect(resolveRun('latest', undefined)).toEqual({ error: expect.stringContaining('pass --root runs/<pipeline>') });
  });
});

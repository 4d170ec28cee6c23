// Real Vitest on an eval project that scores with its own metrics (test/fixtures/scoring-suite):
// a metric defined in TypeScript and registered with defineEvalSuite, an autoevals scorer
// through fromAutoevals, a cpu_heavy metric scored in the worker pool from its module, and an
// LLM judge on a backend of its own. What summary.json and events.jsonl say of them.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseDirs, readEvents, readSummary, runFixture } from './fixture-run.js';

const DIR = fileURLToPath(new URL('../fixtures/scoring-suite/', import.meta.url));
const PIPELINE = 'scoring_pipeline';

describe('vitest run on the scoring fixture', () => {
  it('scores with registered, autoevals, pooled and judge metrics; pass_rate and usage_by_role in summary.json', async () => {
    const run = await runFixture({}, [], DIR);
    expect(run.output).toContain('1 passed');
    expect(run.code).toBe(0);
    const [dir] = caseDirs(run.outDir, PIPELINE);
    const summary = readSummary(dir!);
    const byId = Object.fromEntries(summary.metrics.map((m) => [m.metric_id, m]));

    // mentions_reference returns passed itself: 5 of 6 replies contain their reference.
    expect(byId.mentions).toMatchObject({ aggregation: 'mean', count: 6, values: { acc: '0.83333', pass_rate: '0.83333' } });
    // autoevals' Levenshtein over (reply, reference), hand-checked: 1, 0, 7/8, 3/4, 11/19, 1; three reach pass_threshold 0.8.
    expect(byId.lev!.raw_values.acc).toBeCloseTo((1 + 0 + 7 / 8 + 3 / 4 + 11 / 19 + 1) / 6, 12);
    expect(byId.lev!.raw_values.pass_rate).toBe(0.5);
    // No pass criterion, no pass_rate.
    expect(byId.chars!.raw_values).not.toHaveProperty('pass_rate');
    expect(byId.correct).toMatchObject({ count: 6, values: { acc: '0.83333' } });
    expect(summary.thresholds).toEqual([
      { metric_id: 'mentions', min: 0.8, actual: 5 / 6, ok: true, on: 'pass_rate' },
      { metric_id: 'lev', min: 0.5, actual: byId.lev!.raw_values.acc, ok: true },
    ]);

    // The judge's 6 calls (40 prompt tokens each) are the judge's; usage is the total.
    expect(summary.usage_by_role!.judge.prompt_tokens).toBe(240);
    expect(summary.usage_by_role!.dut.prompt_tokens).toBeGreaterThan(0);
    expect(summary.usage.total_tokens).toBe(summary.usage_by_role!.dut.total_tokens + summary.usage_by_role!.judge.total_tokens);

    const events = readEvents(dir!);
    const scored = events.flatMap((e) => (e.event === 'auto_eval_sample' ? [{ sample_id: e.sample_id, ...e.payload }] : []));
    expect(scored).toHaveLength(24);
    expect(scored.filter((s) => s.metric_id === 'chars').every((s) => s.metadata?.main_thread === false)).toBe(true);
    const judged = scored.find((s) => s.metric_id === 'correct' && s.sample_id === 'q2')!;
    expect(judged).toMatchObject({ score: 0, prediction: 'N', reference: '4', judge: { adapter_id: 'grader_judge', text: 'Compared with the reference.\nChoice: N', choice: 'N' } });
    expect(scored.find((s) => s.metric_id === 'mentions' && s.sample_id === 'q5')).toMatchObject({ score: 1, passed: true, prediction: 'William Shakespeare' });
    expect(events.some((e) => e.event === 'sample_error')).toBe(false);
  });

  it('fails the case when a pass_rate threshold is missed, saying which aggregate', async () => {
    const run = await runFixture({ MENTIONS_MIN_PASS_RATE: '0.9' }, [], DIR);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/qa_task › model failed:\n\s+- mentions pass_rate = 0\.83333 is below the threshold 0\.9/);
  });

  it('an implementation nobody registered fails the file at load, located, naming the built-ins and the registered metrics', async () => {
    const run = await runFixture({ LEV_IMPLEMENTATION: 'ae_levenstein' }, [], DIR);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/scoring\.yaml:\d+:\d+ metrics\[1\]\.implementation: metric "lev": unknown implementation "ae_levenstein" \(built-in: [^)]*llm_judge[^)]*; registered from TypeScript: mentions_reference, ae_levenshtein, reply_chars\)\. Did you mean "ae_levenshtein"\?/);
    expect(run.output).not.toContain('test_cpu_burn');
    expect(caseDirs(run.outDir, PIPELINE)).toEqual([]);
  });

  it("live mode without the judge's key skips the case, naming the judge and the variable (outside CI)", async () => {
    const run = await runFixture({ EVALMATRIX_MODE: 'live', OPENAI_API_KEY: 'sk-not-used', CI: '' }, [], DIR);
    expect(run.code).toBe(0);
    expect(run.output).toContain('1 skipped');
    const [dir] = caseDirs(run.outDir, PIPELINE);
    const summary = readSummary(dir!);
    expect(summary.status).toBe('skipped');
    expect(summary.reasons).toEqual(['judge "grader_judge": openai: no API key; set JUDGE_API_KEY (or run in mock mode, EVALMATRIX_MODE=mock)']);
  });

  it("in CI, a missing judge key fails the run, naming the judge's backend to mark on_missing_key: skip", async () => {
    const run = await runFixture({ EVALMATRIX_MODE: 'live', OPENAI_API_KEY: 'sk-not-used', CI: 'true' }, [], DIR);
    expect(run.code).toBe(1);
    const [dir] = caseDirs(run.outDir, PIPELINE);
    expect(readSummary(dir!)).toMatchObject({
      status: 'failed',
      reasons: ['judge "grader_judge": openai: no API key; set JUDGE_API_KEY (or run in mock mode, EVALMATRIX_MODE=mock). CI is set, so a live case without its key fails the run; to skip it instead, set on_missing_key: skip on backend "grader"'],
    });
  });
});

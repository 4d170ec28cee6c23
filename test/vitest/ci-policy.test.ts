// What CI changes, as pure policy: whether CI is set, what a live case without its key does
// (and which backend decides), and the JUnit properties of a case.
import { describe, expect, it } from 'vitest';
import { isCI, onMissingKey } from '../../src/config/ci.js';
import { MissingKeyError } from '../../src/providers/index.js';
import { MissingJudgeKeyError } from '../../src/runner/judge-clients.js';
import { summarySchema } from '../../src/runner/summary.js';
import { caseProperties } from '../../src/vitest/junit-properties.js';
import { missingKey } from '../../src/vitest/missing-key.js';
import { SUMMARY } from '../cli/summary-fixture.js';

describe('CI', () => {
  it('is set by CI, unless empty, 0 or false', () => {
    expect([undefined, '', '0', 'false', 'FALSE', 'true', '1', 'yes'].map((CI) => isCI({ CI }))).toEqual([false, false, false, false, false, true, true, true]);
  });

  it("decides a missing key: the backend's say, else fail in CI and skip elsewhere", () => {
    expect(onMissingKey({}, { CI: 'true' })).toBe('fail');
    expect(onMissingKey({}, {})).toBe('skip');
    expect(onMissingKey({ on_missing_key: 'skip' }, { CI: 'true' })).toBe('skip');
    expect(onMissingKey({ on_missing_key: 'fail' }, {})).toBe('fail');
  });

  it("lets a judge's backend decide for its judge, and says how to choose the other way", () => {
    const backend = (id: string, on_missing_key?: 'skip' | 'fail') => ({ backend_id: id, type: 'litellm', config: { provider: 'openai', model: 'm', timeout: 60, generation_parameters: {}, ...(on_missing_key ? { on_missing_key } : {}) } });
    const spec = { backend: backend('model'), judges: [{ adapter: { adapter_id: 'grader_judge' }, backend: backend('grader', 'skip'), prompt: {} }] } as never;
    const model = new MissingKeyError('openai', ['OPENAI_API_KEY']);
    expect(missingKey(spec, model, { CI: '1' })).toEqual({
      fail: true,
      reason: 'openai: no API key; set OPENAI_API_KEY (or run in mock mode, EVALMATRIX_MODE=mock). CI is set, so a live case without its key fails the run; to skip it instead, set on_missing_key: skip on backend "model"',
    });
    expect(missingKey(spec, model, {})).toEqual({ fail: false, reason: model.message });
    expect(missingKey(spec, new MissingJudgeKeyError('grader_judge', model), { CI: '1' })).toMatchObject({ fail: false });
    const strict = { ...(spec as object), backend: backend('model', 'fail') } as never;
    expect(missingKey(strict, model, {}).reason).toContain('on_missing_key: fail on backend "model", so a live case without its key fails the run');
  });
});

describe('JUnit properties', () => {
  it('are each metric value, the counts and the cost; a metric nothing scored says so', () => {
    const summary = summarySchema.parse({
      ...SUMMARY,
      metrics: [...SUMMARY.metrics, { metric_id: 'judge', aggregation: 'mean', values: { acc: '0.00000', pass_rate: '0.00000' }, raw_values: { acc: 0, pass_rate: 0 }, count: 0 }],
      cost_usd: { total: 0.00123, dut: 0.001, judge: 0.00023, prices_as_of: '2026-11-29' },
    });
    expect(caseProperties(summary)).toEqual([
      ['evalmatrix.acc.acc', '0.50000'],
      ['evalmatrix.judge.acc', 'none scored'],
      ['evalmatrix.judge.pass_rate', 'none scored'],
      ['evalmatrix.samples', '2'],
      ['evalmatrix.errors', '0'],
      ['evalmatrix.cost_usd', '0.00123'],
    ]);
    expect(caseProperties({ ...summary, cost_usd: null }).at(-1)).toEqual(['evalmatrix.cost_usd', 'unknown']);
  });
});

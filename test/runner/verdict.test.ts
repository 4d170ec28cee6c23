import { describe, expect, it } from 'vitest';
import { judgeCase } from '../../src/runner/verdict.js';

const base = { errorCount: 0, maxErrors: 0, sampleCount: 20 };

describe('judgeCase', () => {
  it('passes when every threshold is met and no sample failed', () => {
    const v = judgeCase({ ...base, thresholds: { acc: 0.5 }, means: new Map([['acc', 0.5]]) });
    expect(v).toEqual({ status: 'passed', thresholds: [{ metric_id: 'acc', min: 0.5, actual: 0.5, ok: true }], reasons: [] });
  });

  it('fails under a threshold with a message naming metric, threshold and actual value', () => {
    const v = judgeCase({ ...base, thresholds: { acc: 0.6 }, means: new Map([['acc', 0.45]]) });
    expect(v.status).toBe('failed');
    expect(v.thresholds[0]).toEqual({ metric_id: 'acc', min: 0.6, actual: 0.45, ok: false });
    expect(v.reasons).toEqual(['acc = 0.45000 is below the threshold 0.6']);
  });

  it('fails when nothing was scored for a thresholded metric', () => {
    const v = judgeCase({ ...base, thresholds: { acc: 0 }, means: new Map([['acc', null]]) });
    expect(v.status).toBe('failed');
    expect(v.reasons[0]).toContain('no sample was scored');
  });

  it('applies the error budget: default none, max_errors allows some', () => {
    expect(judgeCase({ ...base, errorCount: 1, thresholds: {}, means: new Map() }).reasons[0]).toContain(
      '1 of 20 samples failed (error budget: max_errors 0)',
    );
    expect(judgeCase({ ...base, errorCount: 2, maxErrors: 2, thresholds: {}, means: new Map() }).status).toBe('passed');
  });

  it('a threshold on pass_rate compares the share of samples that passed, and says so', () => {
    const means = new Map([['judge', 0.9]]);
    const passRates = new Map([['judge', 0.55]]);
    const v = judgeCase({ ...base, thresholds: { judge: { min: 0.6, on: 'pass_rate' } }, means, passRates });
    expect(v.thresholds).toEqual([{ metric_id: 'judge', min: 0.6, actual: 0.55, ok: false, on: 'pass_rate' }]);
    expect(v.reasons).toEqual(['judge pass_rate = 0.55000 is below the threshold 0.6']);
    // {min, on: mean} is the plain number's meaning.
    expect(judgeCase({ ...base, thresholds: { judge: { min: 0.6, on: 'mean' } }, means, passRates }).thresholds).toEqual([{ metric_id: 'judge', min: 0.6, actual: 0.9, ok: true }]);
  });

  it('a pass_rate threshold on a metric without a pass criterion cannot be met, and says why', () => {
    const v = judgeCase({ ...base, thresholds: { acc: { min: 0.5, on: 'pass_rate' } }, means: new Map([['acc', 1]]), passRates: new Map([['acc', null]]) });
    expect(v.status).toBe('failed');
    expect(v.reasons).toEqual(['acc pass_rate: no sample was scored with a pass criterion, so the threshold 0.5 cannot be met']);
  });
});

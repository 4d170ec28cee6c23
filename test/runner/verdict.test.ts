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
});

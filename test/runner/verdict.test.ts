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

  it('over the error budget, lists the errors by kind: a count and the first message of each', () => {
    const errorKinds = [
      { kind: 'connection refused', stage: 'inference', count: 19, first_message: 'openai network error: Connection error.; cause: connect ECONNREFUSED 127.0.0.1:18085 (gave up after 7 attempts)' },
      { kind: 'DatasetError', stage: 'dataset', count: 1, first_message: 'row 3 of qa.jsonl: not JSON' },
    ];
    const v = judgeCase({ ...base, errorCount: 20, thresholds: {}, means: new Map(), errorKinds });
    expect(v.reasons).toEqual([
      '20 of 20 samples failed (error budget: max_errors 0); by kind (each a sample_error in events.jsonl):\n' +
        '      19 × connection refused: connect ECONNREFUSED 127.0.0.1:18085 (gave up after 7 attempts)\n' +
        '      1 × DatasetError: row 3 of qa.jsonl: not JSON',
    ]);
    // Within the budget, a case that failed for another reason still says which errors it had.
    const within = judgeCase({ ...base, errorCount: 1, maxErrors: 5, sampleCount: 1, thresholds: { acc: 0.9 }, means: new Map([['acc', 0]]), errorKinds: errorKinds.slice(1) });
    expect(within.reasons).toEqual(['acc = 0.00000 is below the threshold 0.9', '1 sample failed (within max_errors 5); by kind (each a sample_error in events.jsonl):\n      1 × DatasetError: row 3 of qa.jsonl: not JSON']);
  });

  it('fails a case over max_cost_usd, or one whose cost cannot be known against it, and passes one within', () => {
    const at = (usd: number | null) => judgeCase({ ...base, thresholds: {}, means: new Map(), cost: { max: 0.5, usd, unpriced: usd === null ? ['grader (openai/grader-mini), judge grader'] : [] } });
    expect(at(0.5)).toMatchObject({ status: 'passed', reasons: [] });
    expect(at(0.61234)).toMatchObject({ status: 'failed', reasons: ['cost $0.6123 is over max_cost_usd $0.5000'] });
    expect(at(null)).toMatchObject({
      status: 'failed',
      reasons: ['max_cost_usd $0.5000 cannot be checked: no known price for grader (openai/grader-mini), judge grader; give its backend a price: (README "Cost")'],
    });
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

  it('a threshold on ci_low fails when the 95% interval reaches below it, naming the statistic', () => {
    const stats = new Map([['acc', { samples: 6, mean: 0.5, stderr: 0.15275, ci95: [0.10734, 0.89266] as [number, number], k: 5, pass_at_k: 5 / 6, pass_hat_k: 1 / 6, trial_agreement: 1 / 3 }]]);
    const means = new Map([['acc', 0.5]]);
    const v = judgeCase({ ...base, thresholds: { acc: { min: 0.3, on: 'ci_low' } }, means, stats });
    expect(v.status).toBe('failed');
    expect(v.thresholds).toEqual([{ metric_id: 'acc', min: 0.3, actual: 0.10734, ok: false, on: 'ci_low' }]);
    expect(v.reasons).toEqual(['acc ci_low (the lower end of its 95% interval) = 0.10734 is below the threshold 0.3']);
    // The mean alone would have passed: the interval is what fails it.
    expect(judgeCase({ ...base, thresholds: { acc: 0.3 }, means, stats }).status).toBe('passed');
    const met = judgeCase({
      ...base,
      thresholds: { acc: { min: 0.1, on: 'ci_low' } },
      means,
      stats,
    });
    expect(met).toMatchObject({ status: 'passed', thresholds: [{ actual: 0.10734, ok: true, on: 'ci_low' }] });
  });

  it('reads ci_high, pass_at_k, pass_hat_k and trial_agreement from the statistics', () => {
    const stats = new Map([['acc', { samples: 6, mean: 0.5, stderr: 0.15, ci95: [0.1, 0.9] as [number, number], k: 5, pass_at_k: 0.8, pass_hat_k: 0.2, trial_agreement: 0.4 }]]);
    const v = judgeCase({
      ...base,
      thresholds: { acc: { min: 0.95, on: 'ci_high' } },
      means: new Map([['acc', 0.5]]),
      stats,
    });
    expect(v.reasons).toEqual(['acc ci_high (the upper end of its 95% interval) = 0.90000 is below the threshold 0.95']);
    for (const [on, actual, label] of [['pass_at_k', 0.8, 'pass_at_k (pass@k)'], ['pass_hat_k', 0.2, 'pass_hat_k (pass^k)'], ['trial_agreement', 0.4, 'trial_agreement (the share of samples whose trials all agree)']] as const) {
      const r = judgeCase({ ...base, thresholds: { acc: { min: 0.9, on } }, means: new Map([['acc', 0.5]]), stats });
      expect(r.thresholds[0]).toEqual({ metric_id: 'acc', min: 0.9, actual, ok: false, on });
      expect(r.reasons).toEqual([`acc ${label} = ${actual.toFixed(5)} is below the threshold 0.9`]);
    }
  });

  it('says why a statistic is missing: no interval from one sample, no pass@k without repeats', () => {
    const stats = new Map([['acc', { samples: 1, mean: 1, stderr: null, ci95: null }]]);
    const means = new Map([['acc', 1]]);
    expect(judgeCase({ ...base, thresholds: { acc: { min: 0.5, on: 'ci_low' } }, means, stats }).reasons).toEqual([
      'acc ci_low: fewer than two samples were scored (an interval needs two), so the threshold 0.5 cannot be met',
    ]);
    expect(judgeCase({ ...base, thresholds: { acc: { min: 0.5, on: 'pass_at_k' } }, means, stats }).reasons).toEqual([
      'acc pass_at_k: no sample had all its trials scored with a pass criterion (pass@k needs repeats > 1), so the threshold 0.5 cannot be met',
    ]);
  });
});

// What a metric returns, made into what is recorded: the accepted forms, the pass verdict, and
// every unusable return rejected with the metric and the value named.
import { describe, expect, it } from 'vitest';
import { InvalidScoreError, normalizeScore } from '../../src/metrics/normalize.js';

describe('normalizeScore', () => {
  it('takes a number in [0, 1], a boolean, or a result object', () => {
    expect(normalizeScore('m', 0.25)).toEqual({ score: 0.25, prediction: null, reference: null });
    expect(normalizeScore('m', true)).toEqual({ score: 1, prediction: null, reference: null });
    expect(normalizeScore('m', { score: false, prediction: 42, reference: 'x', rationale: 'off by one', metadata: { n: 1 } })).toEqual({
      score: 0,
      prediction: '42',
      reference: 'x',
      rationale: 'off by one',
      metadata: { n: 1 },
    });
  });

  it("passes by pass_threshold unless the metric says so itself", () => {
    expect(normalizeScore('m', 0.8, 0.8).passed).toBe(true);
    expect(normalizeScore('m', 0.79, 0.8).passed).toBe(false);
    expect(normalizeScore('m', { score: 0.9, passed: false }, 0.8).passed).toBe(false);
    expect(normalizeScore('m', 0.9)).not.toHaveProperty('passed');
  });

  it.each([
    [NaN, 'metric "m" returned the score NaN, outside [0, 1]'],
    [1.5, 'metric "m" returned the score 1.5, outside [0, 1]'],
    [-0.1, 'metric "m" returned the score -0.1, outside [0, 1]'],
    ['high', 'metric "m" returned the score "high", not a number'],
    [{ value: 1 }, 'metric "m" returned {"value":1}, which has no score'],
    [undefined, 'metric "m" returned undefined, which has no score'],
    [{ score: 1, passed: 'yes' }, 'metric "m" returned passed "yes"; expected true or false'],
    [{ score: 1, metadata: ['a'] }, 'metric "m" returned metadata ["a"]; metadata is a mapping of JSON values'],
    [{ score: 1, metadata: { big: 10n } }, 'metric "m" returned metadata that cannot be recorded as JSON'],
  ])('rejects return %#, naming the metric and the value', (returned, message) => {
    expect(() => normalizeScore('m', returned)).toThrow(InvalidScoreError);
    expect(() => normalizeScore('m', returned)).toThrow(message);
  });
});

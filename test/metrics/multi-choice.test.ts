import { describe, expect, it } from 'vitest';
import type { MetricSpec } from '../../src/config/schema.js';
import type { Sample } from '../../src/datasets/sample.js';
import { multiChoiceAccuracy } from '../../src/metrics/multi-choice.js';
import { createMetric } from '../../src/metrics/registry.js';

const sample: Sample = { sample_id: 'piqa-0001', reference: 'B', metadata: { option_map: { A: 'x', B: 'y' } } };

describe('multi_choice_accuracy', () => {
  it('scores 1 for the reference option and 0 otherwise', () => {
    expect(multiChoiceAccuracy.score({ sample, text: 'The answer is B' })).toEqual({
      score: 1,
      prediction: 'B',
      reference: 'B',
    });
    expect(multiChoiceAccuracy.score({ sample, text: 'The answer is A' })).toEqual({
      score: 0,
      prediction: 'A',
      reference: 'B',
    });
  });

  it('scores 0 with a null prediction when no option is found', () => {
    expect(multiChoiceAccuracy.score({ sample, text: 'no idea' })).toEqual({ score: 0, prediction: null, reference: 'B' });
  });

  it("takes options from option_map, so letters outside it don't count", () => {
    expect(multiChoiceAccuracy.score({ sample: { ...sample, reference: 'C' }, text: 'The answer is C' }).prediction).toBeNull();
  });

  it('falls back to A-D without option_map, and a null reference never matches', () => {
    const bare: Sample = { sample_id: 'x', metadata: {} };
    expect(multiChoiceAccuracy.score({ sample: { ...bare, reference: 'D' }, text: 'The answer is D' }).score).toBe(1);
    expect(multiChoiceAccuracy.score({ sample: bare, text: 'The answer is D' })).toEqual({
      score: 0,
      prediction: 'D',
      reference: null,
    });
  });
});

describe('createMetric', () => {
  it('returns the implementation named by the spec', () => {
    const spec: MetricSpec = { metric_id: 'acc', implementation: 'multi_choice_accuracy', params: {} };
    expect(createMetric(spec)).toBe(multiChoiceAccuracy);
  });

  it('lists the known implementations for an unknown one', () => {
    const spec = { metric_id: 'acc', implementation: 'bleu', params: {} } as unknown as MetricSpec;
    expect(() => createMetric(spec)).toThrow(
      'metric "acc": unknown implementation "bleu". Known implementations: multi_choice_accuracy, test_cpu_burn.',
    );
  });
});

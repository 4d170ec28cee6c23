import { describe, expect, it } from 'vitest';
import type { MetricSpec } from '../../src/config/schema.js';
import type { Sample } from '../../src/datasets/sample.js';
import { multiChoiceAccuracy } from '../../src/metrics/multi-choice.js';
import { MetricRegistry } from '../../src/metrics/registry.js';
import type { MetricInput, MetricScore } from '../../src/metrics/metric.js';

const sample: Sample = { sample_id: 'piqa-0001', reference: 'B', metadata: { option_map: { A: 'x', B: 'y' } } };

const signal = new AbortController().signal;
const score = (input: { sample: Sample; text: string }): MetricScore =>
  multiChoiceAccuracy.score({ sample: input.sample, output: { text: input.text }, params: {}, signal } as MetricInput) as MetricScore;

describe('multi_choice_accuracy', () => {
  it('scores 1 for the reference option and 0 otherwise', () => {
    expect(score({ sample, text: 'The answer is B' })).toEqual({
      score: 1,
      prediction: 'B',
      reference: 'B',
    });
    expect(score({ sample, text: 'The answer is A' })).toEqual({
      score: 0,
      prediction: 'A',
      reference: 'B',
    });
  });

  it('scores 0 with a null prediction when no option is found', () => {
    expect(score({ sample, text: 'no idea' })).toEqual({ score: 0, prediction: null, reference: 'B' });
  });

  it("takes options from option_map, so letters outside it don't count", () => {
    expect(score({ sample: { ...sample, reference: 'C' }, text: 'The answer is C' }).prediction).toBeNull();
  });

  it('falls back to A-D without option_map, and a null reference never matches', () => {
    const bare: Sample = { sample_id: 'x', metadata: {} };
    expect(score({ sample: { ...bare, reference: 'D' }, text: 'The answer is D' }).score).toBe(1);
    expect(score({ sample: bare, text: 'The answer is D' })).toEqual({
      score: 0,
      prediction: 'D',
      reference: null,
    });
  });
});

describe('MetricRegistry', () => {
  it('resolves the implementation named by the spec', () => {
    const spec: MetricSpec = { metric_id: 'acc', implementation: 'multi_choice_accuracy', params: {} };
    expect(new MetricRegistry().resolve(spec)).toBe(multiChoiceAccuracy);
  });

  it('lists the built-in implementations for an unknown one, never the test-only metric', () => {
    const spec: MetricSpec = { metric_id: 'acc', implementation: 'bleu', params: {} };
    const error = (() => {
      try {
        new MetricRegistry().resolve(spec);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(error).toMatch(/^metric "acc": unknown implementation "bleu" \(built-in: multi_choice_accuracy/);
    expect(error).not.toContain('test_cpu_burn');
    expect(new MetricRegistry().find('test_cpu_burn')?.name).toBe('test_cpu_burn');
  });
});

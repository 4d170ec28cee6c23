// fromAutoevals with the real autoevals package: its offline scorers give the same numbers
// through evalmatrix as when called directly, with output/expected/input mapped from the
// reply and the sample, and YAML params passed along.
import { ExactMatch, Levenshtein, NumericDiff } from 'autoevals';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/datasets/sample.js';
import { fromAutoevals } from '../../src/metrics/autoevals.js';
import { normalizeScore } from '../../src/metrics/normalize.js';

const sample: Sample = { sample_id: 's1', question: 'Capital of France?', reference: 'Paris', metadata: {} };
const signal = new AbortController().signal;

describe('fromAutoevals', () => {
  it('Levenshtein: named after the scorer, output = reply text, expected = reference', async () => {
    const metric = fromAutoevals(Levenshtein);
    expect(metric.name).toBe('Levenshtein');
    const direct = await Levenshtein({ output: 'Pariss', expected: 'Paris' });
    const result = await metric.score({ sample, output: { text: 'Pariss' }, params: {}, signal });
    expect(normalizeScore('lev', result)).toEqual({ score: direct.score, prediction: null, reference: null });
    expect(direct.score).toBeCloseTo(5 / 6, 12);
  });

  it('ExactMatch and NumericDiff under names of your own, with mapped inputs', async () => {
    const exact = fromAutoevals(ExactMatch, { name: 'exact_ae' });
    expect(await exact.score({ sample, output: { text: 'Paris' }, params: {}, signal })).toMatchObject({ score: 1 });
    expect(await exact.score({ sample, output: { text: 'paris' }, params: {}, signal })).toMatchObject({ score: 0 });

    const numeric = fromAutoevals(NumericDiff, { name: 'numeric_ae', output: (o) => Number(o.text), expected: (s) => Number(s.reference) });
    const result = await numeric.score({ sample: { ...sample, reference: '100' }, output: { text: '90' }, params: {}, signal });
    expect(result).toMatchObject({ score: 1 - 10 / 190 });
  });

  it('passes the YAML params and the question to the scorer, and keeps its metadata and rationale', async () => {
    const calls: unknown[] = [];
    const probe = async (args: Record<string, unknown>) => {
      calls.push(args);
      return { name: 'Probe', score: 0.25, metadata: { rationale: 'because', extra: 1 } };
    };
    const metric = fromAutoevals(probe);
    expect(metric.name).toBe('probe');
    const result = await metric.score({ sample, output: { text: 'Lyon' }, params: { model: 'gpt-4o' }, signal });
    expect(calls).toEqual([{ model: 'gpt-4o', output: 'Lyon', expected: 'Paris', input: 'Capital of France?' }]);
    expect(result).toEqual({ score: 0.25, rationale: 'because', metadata: { rationale: 'because', extra: 1 } });
  });

  it('a null score (autoevals could not score) is an error naming the scorer; a nameless scorer needs a name', async () => {
    const nothing = fromAutoevals(() => ({ name: 'X', score: null }), { name: 'nothing' });
    await expect(Promise.resolve(nothing.score({ sample, output: { text: '' }, params: {}, signal }))).rejects.toThrow('the autoevals scorer nothing returned score null');
    expect(() => fromAutoevals(Object.defineProperty(() => ({ score: 1 }), 'name', { value: '' }))).toThrow('pass one: fromAutoevals(scorer, { name: "my_scorer" })');
  });
});

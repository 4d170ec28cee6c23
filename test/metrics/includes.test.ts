import { describe, expect, it } from 'vitest';
import { includes } from '../../src/metrics/builtins/includes.js';
import { scoreWith } from './score-with.js';

const text = 'Paris is the capital of France.';

describe('includes', () => {
  it('passes when every `all` string is in the reply, ignoring case by default', async () => {
    expect(await scoreWith(includes, { text, params: { all: ['paris', 'FRANCE'] } })).toEqual({ score: 1, prediction: null, reference: null });
  });

  it('names what is missing', async () => {
    expect(await scoreWith(includes, { text, params: { all: ['Paris', 'Europe', 'Seine'] } })).toEqual({
      score: 0,
      prediction: null,
      reference: null,
      rationale: 'missing "Europe", "Seine"',
      metadata: { missing: ['Europe', 'Seine'] },
    });
  });

  it('respects case_sensitive: true', async () => {
    expect(await scoreWith(includes, { text, params: { all: ['paris'], case_sensitive: true } })).toMatchObject({ score: 0, rationale: 'missing "paris"' });
  });

  it('passes with one of `any`, recording it as the prediction; fails with none', async () => {
    expect(await scoreWith(includes, { text, params: { any: ['Lyon', 'paris'] } })).toMatchObject({ score: 1, prediction: 'paris' });
    expect(await scoreWith(includes, { text, params: { any: ['Lyon', 'Nice'] } })).toMatchObject({ score: 0, rationale: 'contains none of "Lyon", "Nice"' });
  });

  it('needs both when `all` and `any` are given', async () => {
    expect((await scoreWith(includes, { text, params: { all: ['capital'], any: ['Lyon'] } })).score).toBe(0);
    expect((await scoreWith(includes, { text, params: { all: ['capital'], any: ['France'] } })).score).toBe(1);
  });

  it('looks for a reference when no strings are given', async () => {
    expect(await scoreWith(includes, { text, sample: { references: ['Lyon', 'France'] } })).toEqual({ score: 1, prediction: 'France', reference: 'France' });
    expect(await scoreWith(includes, { text, reference: 'Berlin' })).toEqual({
      score: 0,
      prediction: null,
      reference: 'Berlin',
      rationale: 'contains no reference: "Berlin"',
    });
  });
});

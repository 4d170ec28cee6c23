// token_f1 against SQuAD's evaluation, values worked out by hand from its definition:
// normalize (lowercase, drop punctuation, drop a/an/the, single spaces), then
// F1 = 2PR / (P + R) with P = common / |prediction tokens|, R = common / |reference tokens|.
import { describe, expect, it } from 'vitest';
import { tokenF1 } from '../../src/metrics/builtins/token-f1.js';
import { squadNormalize } from '../../src/metrics/builtins/text-normalize.js';
import { scoreWith } from './score-with.js';

describe('SQuAD normalization', () => {
  it.each([
    ['the Denver Broncos', 'denver broncos'],
    ['  The   Eiffel-Tower. ', 'eiffeltower'], // punctuation removed, not replaced by a space
    ["Don't stop", 'dont stop'],
    ['An apple, a pear and THE plum', 'apple pear and plum'],
    ['theater another', 'theater another'], // articles only as whole words
    ['“Paris”', 'paris'], // curly quotes count as punctuation here
  ])('%j → %j', (input, expected) => {
    expect(squadNormalize(input)).toBe(expected);
  });
});

describe('token_f1', () => {
  it('scores "the Denver Broncos" against "Denver Broncos" as 1: both normalize to "denver broncos"', async () => {
    expect(await scoreWith(tokenF1, { text: 'the Denver Broncos', reference: 'Denver Broncos' })).toEqual({
      score: 1,
      prediction: 'denver broncos',
      reference: 'denver broncos',
      metadata: { precision: 1, recall: 1 },
    });
  });

  it('scores a partial overlap: [denver broncos won game] vs [denver broncos] → P = 2/4, R = 2/2, F1 = 2·½·1 / 1½ = 2/3', async () => {
    const scored = await scoreWith(tokenF1, { text: 'Denver Broncos won the game', reference: 'the Denver Broncos' });
    expect(scored.score).toBeCloseTo(2 / 3, 12);
    expect(scored.metadata).toEqual({ precision: 0.5, recall: 1 });
  });

  it('scores [carolina panthers and denver] vs [denver broncos]: 1 common, P = 1/4, R = 1/2, F1 = (2·⅛)/(¾) = 1/3', async () => {
    expect((await scoreWith(tokenF1, { text: 'Carolina Panthers and Denver', reference: 'Denver Broncos' })).score).toBeCloseTo(1 / 3, 12);
  });

  it('counts repeated tokens once per occurrence in the reference: "cat cat" vs "cat" → P = 1/2, R = 1, F1 = 2/3', async () => {
    expect((await scoreWith(tokenF1, { text: 'cat cat', reference: 'cat' })).score).toBeCloseTo(2 / 3, 12);
  });

  it('takes the best of several references, as SQuAD does, and records the one that won', async () => {
    // vs "Denver Broncos": P = 1, R = 1/2 → 2/3; vs "Broncos": 1.
    const scored = await scoreWith(tokenF1, { text: 'Broncos', sample: { references: ['Denver Broncos', 'Broncos'] } });
    expect(scored).toMatchObject({ score: 1, reference: 'broncos' });
  });

  it('finds references in metadata.answers, or where reference_field points', async () => {
    expect((await scoreWith(tokenF1, { text: 'Broncos', sample: { metadata: { answers: ['x', 'Broncos'] } } })).score).toBe(1);
    expect((await scoreWith(tokenF1, { text: 'Broncos', sample: { answer: 'Broncos' }, params: { reference_field: 'answer' } })).score).toBe(1);
  });

  it('scores an answer that normalizes to nothing 1 against a reference that does too, else 0 (SQuAD v2)', async () => {
    expect((await scoreWith(tokenF1, { text: 'The.', reference: 'the' })).score).toBe(1);
    expect((await scoreWith(tokenF1, { text: '', reference: 'Denver' })).score).toBe(0);
    expect((await scoreWith(tokenF1, { text: 'Denver', reference: 'a' })).score).toBe(0);
  });

  it('scores no overlap 0', async () => {
    expect((await scoreWith(tokenF1, { text: 'Carolina Panthers', reference: 'Denver Broncos' })).score).toBe(0);
  });

  it('fails the sample, naming where it looked, when there is no reference', async () => {
    await expect(scoreWith(tokenF1, { text: 'x' })).rejects.toMatchObject({
      name: 'bad_reference',
      message: 'token_f1: sample "s-0001" has no reference (looked at sample.references, sample.metadata.answers or sample.reference); map the dataset\'s answer column to reference, or set the metric\'s params.reference_field to the field that holds it',
    });
    await expect(scoreWith(tokenF1, { text: 'x', params: { reference_field: 'metadata.gold' } })).rejects.toThrow('(looked at sample.metadata.gold)');
  });
});

import { describe, expect, it } from 'vitest';
import { exactMatch } from '../../src/metrics/builtins/exact-match.js';
import { normalizeText } from '../../src/metrics/builtins/text-normalize.js';
import { scoreWith } from './score-with.js';

describe('normalize steps', () => {
  it('apply in a fixed order whatever order is written: strip_articles sees lowercased text, trim comes last', () => {
    // " the  beatles. " → "   beatles. " → "beatles."
    expect(normalizeText(' The  Beatles. ', ['trim', 'strip_articles', 'lowercase'])).toBe('beatles.');
    expect(normalizeText(' The  Beatles. ', ['strip_punctuation', 'strip_articles', 'collapse_whitespace', 'trim'])).toBe('Beatles');
  });

  it('strip_articles takes whole words only, in any case; é is a letter, so "éa" keeps its a', () => {
    expect(normalizeText('A man, an apple, THE end, theme, éa', ['strip_articles'])).toBe('  man,   apple,   end, theme, éa');
  });
});

describe('exact_match', () => {
  it('trims by default and is otherwise exact', async () => {
    expect(await scoreWith(exactMatch, { text: '  Paris\n', reference: 'Paris' })).toEqual({ score: 1, prediction: 'Paris', reference: 'Paris' });
    expect(await scoreWith(exactMatch, { text: 'paris', reference: 'Paris' })).toEqual({ score: 0, prediction: 'paris', reference: 'Paris' });
  });

  it('compares after the normalize steps asked for, recording both sides as compared', async () => {
    const params = { normalize: ['lowercase', 'strip_punctuation', 'strip_articles', 'collapse_whitespace', 'trim'] };
    expect(await scoreWith(exactMatch, { text: 'The  Eiffel Tower.', reference: 'eiffel tower', params })).toEqual({
      score: 1,
      prediction: 'eiffel tower',
      reference: 'eiffel tower',
    });
    expect((await scoreWith(exactMatch, { text: '“Paris”', reference: 'Paris', params: { normalize: 'strip_punctuation' } })).score).toBe(1);
  });

  it('matches any of several references and records the one matched', async () => {
    const sample = { metadata: { answers: ['Big Apple', 'New York City', 'NYC'] } };
    expect(await scoreWith(exactMatch, { text: 'NYC', sample })).toEqual({ score: 1, prediction: 'NYC', reference: 'NYC' });
    expect(await scoreWith(exactMatch, { text: 'LA', sample })).toEqual({ score: 0, prediction: 'LA', reference: 'Big Apple' });
  });

  it('reads the reference from reference_field, numbers included', async () => {
    expect((await scoreWith(exactMatch, { text: '42', sample: { label: 42 }, params: { reference_field: 'label' } })).score).toBe(1);
  });
});

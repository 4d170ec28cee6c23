import { describe, expect, it } from 'vitest';
import { levenshtein } from '../../src/metrics/builtins/levenshtein.js';
import { scoreWith } from './score-with.js';

describe('levenshtein', () => {
  it('scores kitten → sitting (k→s, e→i, +g: d = 3, longest 7) as 1 - 3/7 = 4/7', async () => {
    const scored = await scoreWith(levenshtein, { text: 'kitten', reference: 'sitting' });
    expect(scored.score).toBeCloseTo(4 / 7, 12);
    expect(scored).toMatchObject({ prediction: 'kitten', reference: 'sitting', metadata: { distance: 3 } });
  });

  it('applies the normalize steps to both sides (default: trim only)', async () => {
    expect((await scoreWith(levenshtein, { text: ' Kitten\n', reference: 'kitten' })).score).toBeCloseTo(5 / 6, 12); // K→k: d = 1 of 6
    expect((await scoreWith(levenshtein, { text: ' Kitten\n', reference: 'kitten', params: { normalize: ['trim', 'lowercase'] } })).score).toBe(1);
  });

  it('takes the closest reference: sitting vs kitten is 4/7, vs sittin (d = 1) is 6/7', async () => {
    const scored = await scoreWith(levenshtein, { text: 'sitting', sample: { references: ['kitten', 'sittin'] } });
    expect(scored.score).toBeCloseTo(6 / 7, 12);
    expect(scored.reference).toBe('sittin');
  });

  it('scores two empty strings 1 and "abc" against "" 0 (d = 3 of 3)', async () => {
    expect((await scoreWith(levenshtein, { text: '  ', reference: '' })).score).toBe(1);
    expect((await scoreWith(levenshtein, { text: 'abc', reference: '' })).score).toBe(0);
  });
});

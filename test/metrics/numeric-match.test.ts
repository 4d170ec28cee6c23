// numeric_match against the answer forms math benchmarks produce (GSM8K, MATH-style \boxed).
import { describe, expect, it } from 'vitest';
import { findFinalNumber } from '../../src/metrics/builtins/final-number.js';
import { numericMatch } from '../../src/metrics/builtins/numeric-match.js';
import { scoreWith } from './score-with.js';

describe('findFinalNumber', () => {
  it.each([
    ['Natalia sold 48 + 24 = 72 clips.\n#### 1,234', 1234, 'gsm8k_marker'],
    ['#### -72.5', -72.5, 'gsm8k_marker'],
    ['So the total is \\boxed{18}. Check: 9 * 2 = 18 + 0', 18, 'boxed'],
    ['\\boxed{\\frac{3}{4}}', 0.75, 'boxed'],
    ['\\boxed{x = \\$1{,}200}', 1200, 'boxed'],
    ['The answer is $18.', 18, 'answer_phrase'],
    ['The answer is 5. Then she buys 3 cups.', 5, 'answer_phrase'], // the phrase beats a later number
    ['**Final Answer:** −7', -7, 'answer_phrase'], // U+2212 minus
    ['答案是 12', 12, 'answer_phrase'],
    ['She earns 18 dollars', 18, 'last_number'],
    ['First 12, then 7', 7, 'last_number'],
    ['It is 3/4 of the cake', 0.75, 'last_number'],
    ['-\\frac{1}{2}', -0.5, 'last_number'],
    ['$1,234.50 in total', 1234.5, 'last_number'],
    ['about 25% of them', 25, 'last_number'], // the percent sign is dropped
    ['.5 of it', 0.5, 'last_number'],
    ['pages 3-5', 5, 'last_number'], // a range's dash is no minus sign
    ['- 5 apples', 5, 'last_number'], // nor is a list bullet
    ['GPT-4 said 12', 12, 'last_number'],
  ])('%j → %d (%s)', (reply, value, source) => {
    expect(findFinalNumber(reply)).toMatchObject({ value, source });
  });

  it('finds nothing in a reply without a number, or only inside words (H2O)', () => {
    expect(findFinalNumber('no idea')).toBeNull();
    expect(findFinalNumber('H2O')).toBeNull();
  });
});

describe('numeric_match', () => {
  it.each([
    ['#### 1,234', '1234'],
    ['\\boxed{18}', '18'],
    ['The answer is $18.', '18'],
    ['18 dollars', '18'],
    ['3/4', '0.75'],
    ['0.75', '3/4'],
    ['-5', '−5'],
    ['$1,234.50', '1234.5'],
  ])('%j equals the reference %j', async (text, reference) => {
    expect((await scoreWith(numericMatch, { text, reference })).score).toBe(1);
  });

  it('records the number read, the reference number and where the number came from', async () => {
    expect(await scoreWith(numericMatch, { text: 'Total: #### 1,234', reference: '1234' })).toEqual({
      score: 1,
      prediction: '1234',
      reference: '1234',
      metadata: { extracted_from: 'gsm8k_marker', matched: '1,234' },
    });
  });

  it("parses a GSM8K solution as the reference: its #### line gives the number", async () => {
    const solution = 'Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.\nShe makes 9 * 2 = $<<9*2=18>>18 every day.\n#### 18';
    expect(await scoreWith(numericMatch, { text: 'She makes \\boxed{18} dollars.', reference: solution })).toMatchObject({ score: 1, reference: '18' });
  });

  it('is exact by default (abs_tol 1e-6) and honours abs_tol and rel_tol', async () => {
    expect((await scoreWith(numericMatch, { text: '3.14159', reference: '3.14' })).score).toBe(0);
    expect((await scoreWith(numericMatch, { text: '3.14159', reference: '3.14', params: { abs_tol: 0.01 } })).score).toBe(1); // |0.00159| ≤ 0.01
    expect((await scoreWith(numericMatch, { text: '1010', reference: '1000', params: { rel_tol: 0.02 } })).score).toBe(1); // 10 ≤ 0.02·1000 = 20
    expect((await scoreWith(numericMatch, { text: '1030', reference: '1000', params: { rel_tol: 0.02 } })).score).toBe(0); // 30 > 20
  });

  it('scores 0 with a null prediction when the reply holds no number', async () => {
    expect(await scoreWith(numericMatch, { text: 'I cannot tell', reference: '7' })).toEqual({
      score: 0,
      prediction: null,
      reference: '7',
      rationale: 'no number in the reply',
    });
  });

  it('matches any of several references', async () => {
    expect(await scoreWith(numericMatch, { text: '0.5', sample: { references: ['2', '1/2'] } })).toMatchObject({ score: 1, reference: '0.5' });
  });

  it('fails the sample when the reference holds no number', async () => {
    await expect(scoreWith(numericMatch, { text: '7', reference: 'seven' })).rejects.toMatchObject({
      name: 'bad_reference',
      message: 'numeric_match: the reference "seven" of sample "s-0001" holds no number',
    });
  });
});

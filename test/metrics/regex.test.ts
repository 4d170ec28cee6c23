import { describe, expect, it } from 'vitest';
import { regex } from '../../src/metrics/builtins/regex.js';
import { scoreWith } from './score-with.js';

describe('regex', () => {
  it('without group: passes when the pattern matches; the match is the prediction', async () => {
    expect(await scoreWith(regex, { text: 'Call 555-0123 now', params: { pattern: String.raw`\d{3}-\d{4}` } })).toEqual({ score: 1, prediction: '555-0123', reference: null });
    expect(await scoreWith(regex, { text: 'Call me', params: { pattern: String.raw`\d{3}-\d{4}` } })).toEqual({
      score: 0,
      prediction: null,
      reference: null,
      rationale: 'the pattern does not match',
    });
  });

  it('uses flags', async () => {
    expect((await scoreWith(regex, { text: 'YES', params: { pattern: '^yes$' } })).score).toBe(0);
    expect((await scoreWith(regex, { text: 'YES', params: { pattern: '^yes$', flags: 'i' } })).score).toBe(1);
  });

  it('with group: the captured text, normalized (default trim), must equal the reference', async () => {
    const params = { pattern: String.raw`Label:\s*(.+)`, group: 1 };
    expect(await scoreWith(regex, { text: 'Label:  positive \n', reference: 'positive', params })).toEqual({ score: 1, prediction: 'positive', reference: 'positive' });
    expect(await scoreWith(regex, { text: 'Label: negative', reference: 'positive', params })).toEqual({ score: 0, prediction: 'negative', reference: 'positive' });
    expect((await scoreWith(regex, { text: 'Label: Positive', reference: 'positive', params: { ...params, normalize: ['trim', 'lowercase'] } })).score).toBe(1);
  });

  it('takes a named group, and says when the group took no part in the match', async () => {
    expect((await scoreWith(regex, { text: 'Final: 42', reference: '42', params: { pattern: String.raw`Final: (?<answer>\d+)`, group: 'answer' } })).score).toBe(1);
    expect(await scoreWith(regex, { text: 'b', reference: 'a', params: { pattern: '(a)|(b)', group: 1 } })).toEqual({
      score: 0,
      prediction: null,
      reference: 'a',
      rationale: 'group 1 took no part in the match',
    });
  });
});

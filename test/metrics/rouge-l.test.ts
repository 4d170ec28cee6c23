// rouge_l against hand-worked LCS values. P = LCS / |prediction|, R = LCS / |reference|,
// F_β = (1+β²)PR / (R + β²P).
import { describe, expect, it } from 'vitest';
import { rougeL, rougeTokens } from '../../src/metrics/builtins/rouge-l.js';
import { scoreWith } from './score-with.js';

describe('rouge_l', () => {
  it("matches rouge-score's README example: LCS(the quick brown fox jumps over the lazy dog, the quick brown dog jumps on the log) = 5", async () => {
    // LCS = "the quick brown … jumps … the" = 5; P = 5/8 = 0.625, R = 5/9; F1 = 2·(25/72)/(85/72) = 10/17 ≈ 0.588235,
    // the value rouge-score publishes (precision 0.625, recall 0.5556, fmeasure 0.5882).
    const scored = await scoreWith(rougeL, { text: 'The quick brown dog jumps on the log.', reference: 'The quick brown fox jumps over the lazy dog' });
    expect(scored.score).toBeCloseTo(10 / 17, 12);
    expect(scored.metadata).toEqual({ precision: 0.625, recall: 5 / 9, lcs: 5 });
    expect(scored.reference).toBe('The quick brown fox jumps over the lazy dog');
    expect(scored.prediction).toBeNull();
  });

  it('weights recall with beta: β = 2 → 5PR / (R + 4P) = (125/72) / (55/18) = 25/44', async () => {
    const scored = await scoreWith(rougeL, { text: 'The quick brown dog jumps on the log.', reference: 'The quick brown fox jumps over the lazy dog', params: { beta: 2 } });
    expect(scored.score).toBeCloseTo(25 / 44, 12);
  });

  it('scores "the cat lay on the mat" against "the cat sat on the mat": LCS 5 of 6 each way → 5/6', async () => {
    expect((await scoreWith(rougeL, { text: 'the cat lay on the mat', reference: 'the cat sat on the mat' })).score).toBeCloseTo(5 / 6, 12);
  });

  it('counts order: a reversed sentence keeps only one token in sequence → LCS 1, P = R = 1/3', async () => {
    expect((await scoreWith(rougeL, { text: 'c b a', reference: 'a b c' })).score).toBeCloseTo(1 / 3, 12);
  });

  it('takes the best reference', async () => {
    const scored = await scoreWith(rougeL, { text: 'the cat sat', sample: { references: ['a dog ran', 'The cat sat!'] } });
    expect(scored).toMatchObject({ score: 1, reference: 'The cat sat!' });
  });

  it('scores an empty reply 0, as rouge-score does', async () => {
    expect((await scoreWith(rougeL, { text: '...', reference: 'the cat' })).score).toBe(0);
  });

  it('tokenizes like rouge-score: lowercase runs of letters and digits, punctuation splits; non-ASCII letters are kept', () => {
    expect(rougeTokens("Hello, World! It's 3:30.")).toEqual(['hello', 'world', 'it', 's', '3', '30']);
    expect(rougeTokens('Café crème — naïve')).toEqual(['café', 'crème', 'naïve']);
  });
});

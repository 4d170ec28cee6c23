// rouge_l: ROUGE-L F-measure, from the longest common subsequence of tokens, against the best
// reference. Tokenized as rouge-score's default tokenizer does (lowercase, runs of letters and
// digits, no stemming), except that letters and digits outside ASCII are kept rather than
// dropped, so non-English text is not scored on its ASCII remnants. As in rouge-score, an
// empty reply or reference scores 0.
import { z } from 'zod';
import { defineMetric } from '../metric.js';
import { bestOver, referenceFieldParam, requireReferences } from './references.js';

export const rougeL = defineMetric({
  name: 'rouge_l',
  // The LCS is quadratic in the lengths, which the model decides: measured (2 loaded cores)
  // 0.03 ms for 50 tokens a side, 0.14 ms for 200, 4 ms for 1,000, 32 ms for 3,000 in-process;
  // through the pool the main thread spends 0.06-0.18 ms a sample at any of those lengths.
  cpu_heavy: true,
  params: z.strictObject({
    /** Weight of recall against precision: F = (1+β²)PR / (R + β²P); 1 is the usual F1. */
    beta: z.number().positive().default(1),
    reference_field: referenceFieldParam,
  }),
  score({ sample, output, params }) {
    const predicted = rougeTokens(output.text);
    const references = requireReferences(sample, params.reference_field, 'rouge_l');
    const { reference, result } = bestOver(references, (r) => rougeLOf(predicted, rougeTokens(r), params.beta));
    return { score: result.score, reference, metadata: { precision: result.precision, recall: result.recall, lcs: result.lcs } };
  },
});

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}

function rougeLOf(predicted: readonly string[], expected: readonly string[], beta = 1): { score: number; precision: number; recall: number; lcs: number } {
  if (predicted.length === 0 || expected.length === 0) return { score: 0, precision: 0, recall: 0, lcs: 0 };
  const lcs = lcsLength(predicted, expected);
  const precision = lcs / predicted.length;
  const recall = lcs / expected.length;
  const b2 = beta * beta;
  const score = lcs === 0 ? 0 : ((1 + b2) * precision * recall) / (recall + b2 * precision);
  return { score, precision, recall, lcs };
}

/** Classic dynamic programme over two rows; tokens become small integers first, so the inner
 *  loop compares numbers, not strings. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const ids = new Map<string, number>();
  const encode = (tokens: readonly string[]) => Int32Array.from(tokens, (t) => ids.get(t) ?? (ids.set(t, ids.size), ids.size - 1));
  const x = encode(a);
  const y = encode(b);
  let previous = new Int32Array(y.length + 1);
  let current = new Int32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      current[j] = xi === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[y.length]!;
}

// token_f1: SQuAD's token-level F1 between the reply and the best reference, both normalized
// as SQuAD's evaluation does (lowercase, no punctuation, no articles, single spaces). As in
// SQuAD v2, an answer that normalizes to nothing scores 1 against a reference that also does,
// else 0.
import { z } from 'zod';
import { defineMetric } from '../metric.js';
import { bestOver, referenceFieldParam, requireReferences } from './references.js';
import { squadNormalize } from './text-normalize.js';

export const tokenF1 = defineMetric({
  name: 'token_f1',
  params: z.strictObject({ reference_field: referenceFieldParam }),
  score({ sample, output, params }) {
    const prediction = squadNormalize(output.text);
    const references = requireReferences(sample, params.reference_field, 'token_f1').map(squadNormalize);
    const { reference, result } = bestOver(references, (r) => tokenF1Of(prediction, r));
    return { score: result.score, prediction, reference, metadata: { precision: result.precision, recall: result.recall } };
  },
});

/** F1 of two already-normalized texts' token multisets. */
function tokenF1Of(prediction: string, reference: string): { score: number; precision: number; recall: number } {
  const predicted = tokens(prediction);
  const expected = tokens(reference);
  if (predicted.length === 0 || expected.length === 0) {
    const same = predicted.length === expected.length ? 1 : 0;
    return { score: same, precision: same, recall: same };
  }
  const left = new Map<string, number>();
  for (const token of expected) left.set(token, (left.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predicted) {
    const count = left.get(token) ?? 0;
    if (count > 0) {
      common++;
      left.set(token, count - 1);
    }
  }
  if (common === 0) return { score: 0, precision: 0, recall: 0 };
  const precision = common / predicted.length;
  const recall = common / expected.length;
  return { score: (2 * precision * recall) / (precision + recall), precision, recall };
}

function tokens(text: string): string[] {
  return text.split(' ').filter((t) => t !== '');
}

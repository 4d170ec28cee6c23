// levenshtein: normalized edit similarity 1 - distance / max(length), after the `normalize`
// steps asked for (default: trim), against the closest reference. Two empty strings are equal
// (1). Lengths and edits count UTF-16 code units, as fastest-levenshtein does.
import { distance } from 'fastest-levenshtein';
import { defineMetric } from '../metric.js';
import { comparedSides, comparedTextParams } from './compared-text.js';
import { bestOver } from './references.js';

export const levenshtein = defineMetric({
  name: 'levenshtein',
  params: comparedTextParams,
  score({ sample, output, params }) {
    const { prediction, references } = comparedSides(sample, output, params, 'levenshtein');
    const { reference, result } = bestOver(references, (r) => similarity(prediction, r));
    return { score: result.score, prediction, reference, metadata: { distance: result.distance } };
  },
});

export function similarity(a: string, b: string): { score: number; distance: number } {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return { score: 1, distance: 0 };
  const d = distance(a, b);
  return { score: 1 - d / longest, distance: d };
}

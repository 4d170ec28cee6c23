// exact_match: 1 when the reply equals a reference after the `normalize` steps asked for
// (default: trim only), else 0. Records both sides as compared.
import { defineMetric } from '../metric.js';
import { comparedSides, comparedTextParams } from './compared-text.js';

export const exactMatch = defineMetric({
  name: 'exact_match',
  params: comparedTextParams,
  score({ sample, output, params }) {
    const { prediction, references } = comparedSides(sample, output, params, 'exact_match');
    const reference = references.find((r) => r === prediction) ?? references[0]!;
    return { score: reference === prediction ? 1 : 0, prediction, reference };
  },
});

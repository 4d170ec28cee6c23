// numeric_match: 1 when the final number in the reply (see final-number.ts) is within
// abs_tol or rel_tol (relative to the reference) of a reference number, else 0. The
// prediction is the number read, written plainly ("$1,234.50" → "1234.5").
import { z } from 'zod';
import { defineMetric } from '../metric.js';
import { findFinalNumber } from './final-number.js';
import { BadReferenceError, referenceFieldParam, requireReferences } from './references.js';

export const numericMatch = defineMetric({
  name: 'numeric_match',
  params: z.strictObject({
    /** Absolute tolerance: |prediction - reference| ≤ abs_tol passes. */
    abs_tol: z.number().min(0).default(1e-6),
    /** Relative tolerance: |prediction - reference| ≤ rel_tol × |reference| passes. */
    rel_tol: z.number().min(0).default(0),
    reference_field: referenceFieldParam,
  }),
  score({ sample, output, params }) {
    const references = requireReferences(sample, params.reference_field, 'numeric_match').map((text) => {
      const found = findFinalNumber(text);
      if (!found) throw new BadReferenceError(`numeric_match: the reference ${JSON.stringify(text)} of sample "${sample.sample_id}" holds no number`);
      return found.value;
    });
    const found = findFinalNumber(output.text);
    if (!found) return { score: 0, prediction: null, reference: String(references[0]), rationale: 'no number in the reply' };
    const close = (reference: number) => Math.abs(found.value - reference) <= Math.max(params.abs_tol, params.rel_tol * Math.abs(reference));
    const reference = references.find(close) ?? references[0]!;
    return {
      score: close(reference),
      prediction: String(found.value),
      reference: String(reference),
      metadata: { extracted_from: found.source, matched: found.text },
    };
  },
});

// What exact_match, levenshtein and regex's group compare: text normalized by the steps the
// spec asks for, against every reference normalized the same way.
import { z } from 'zod';
import type { Sample } from '../../datasets/sample.js';
import type { MetricOutput } from '../metric.js';
import { referenceFieldParam, requireReferences } from './references.js';
import { normalizeParam, normalizeText, type NormalizeStep } from './text-normalize.js';

/** The params of a metric that compares the whole reply with the reference. */
export const comparedTextParams = z.strictObject({ normalize: normalizeParam(['trim']), reference_field: referenceFieldParam });

type ComparedTextParams = z.infer<typeof comparedTextParams>;

/** The reply and the references, each normalized as the spec asks. */
export function comparedSides(sample: Sample, output: MetricOutput, params: ComparedTextParams, metric: string): { prediction: string; references: string[] } {
  return { prediction: normalizeText(output.text, params.normalize), references: normalizedReferences(sample, params, metric) };
}

export function normalizedReferences(sample: Sample, params: { normalize: NormalizeStep[]; reference_field?: string | undefined }, metric: string): string[] {
  return requireReferences(sample, params.reference_field, metric).map((r) => normalizeText(r, params.normalize));
}

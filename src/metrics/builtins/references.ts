// Where a sample's expected answer is: `sample.reference`, or a list of acceptable answers in
// `sample.references` or `sample.metadata.answers` (SQuAD-style datasets give several), or a
// field the metric's `reference_field` param names. Metrics that compare against the reference
// score against each and keep the best, as SQuAD's evaluation takes the max over its answers.
import { z } from 'zod';
import type { Sample } from '../../datasets/sample.js';
import { MetricFault } from '../fault.js';

/** A dotted path into the sample: `answer`, `metadata.answers`, `metadata.answers.text`. */
export const referenceFieldParam = z.string().min(1).optional();

/** A sample whose reference is missing or unreadable (numeric_match: holds no number): a data
 *  problem, reported as that sample's scoring error rather than a silent 0. */
export class BadReferenceError extends MetricFault {
  constructor(message: string) {
    super('bad_reference', message);
  }
}

/** The acceptable answers, as strings (numbers and booleans written out); empty when none. */
function referencesOf(sample: Sample, field?: string): string[] {
  const raw = field === undefined ? defaultReference(sample) : valueAt(sample, field);
  return (Array.isArray(raw) ? raw : [raw]).flatMap((value) =>
    typeof value === 'string' ? [value] : typeof value === 'number' || typeof value === 'boolean' ? [String(value)] : [],
  );
}

export function requireReferences(sample: Sample, field: string | undefined, metric: string): string[] {
  const references = referencesOf(sample, field);
  if (references.length > 0) return references;
  const where = field === undefined ? 'sample.references, sample.metadata.answers or sample.reference' : `sample.${field}`;
  throw new BadReferenceError(
    `${metric}: sample "${sample.sample_id}" has no reference (looked at ${where}); map the dataset's answer column to reference, or set the metric's params.reference_field to the field that holds it`,
  );
}

/** The reference that scores best (the first on a tie), and its result. */
export function bestOver<R extends { score: number }>(references: readonly string[], scoreOne: (reference: string) => R): { reference: string; result: R } {
  let best: { reference: string; result: R } | undefined;
  for (const reference of references) {
    const result = scoreOne(reference);
    if (best === undefined || result.score > best.result.score) best = { reference, result };
    if (result.score >= 1) break;
  }
  if (best === undefined) throw new Error('bestOver needs at least one reference');
  return best;
}

function defaultReference(sample: Sample): unknown {
  if (Array.isArray(sample.references) && sample.references.length > 0) return sample.references;
  const answers = sample.metadata.answers;
  if (Array.isArray(answers) && answers.length > 0) return answers;
  return sample.reference;
}

function valueAt(sample: Sample, path: string): unknown {
  let value: unknown = sample;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

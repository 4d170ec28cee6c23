// `preprocess: {type: classification, input, label, labels?}`: a text and its class. The gold
// class's text becomes `sample.reference`; with `labels`, a label given as a number (or a
// string of digits that is not itself a label) is an index into them, a boolean picks the
// first (false) or second (true), and any other label must be one of them.
import type { z } from 'zod';
import type { classificationMappingSchema } from '../../config/schema/dataset.js';
import type { Preprocessor } from '../preprocessor.js';
import { mapped } from './mapped.js';
import { asText, clip, column, RowProblem, rowMetadata, text } from './row-problem.js';

export type ClassificationMapping = z.infer<typeof classificationMappingSchema>;

export function classification(mapping: ClassificationMapping, idPrefix = 'row'): Preprocessor {
  return mapped(idPrefix, (row, sampleId) => {
    const input = text(row, mapping.input, 'the input');
    const what = `column "${mapping.label}" (the label)`;
    const reference = labelText(column(row, mapping.label, 'the label'), mapping.labels, what);
    const labels = mapping.labels === undefined ? {} : { labels: mapping.labels };
    return { ...row, sample_id: sampleId, input, reference, metadata: { ...rowMetadata(row), ...labels } };
  });
}

export function labelText(value: unknown, labels: readonly string[] | undefined, what: string): string {
  if (labels === undefined) return asText(value, what);
  const index = (i: number): string => {
    const label = labels[i];
    if (label === undefined) throw new RowProblem(`${what} is ${i}, out of range for ${labels.length} labels (0–${labels.length - 1})`);
    return label;
  };
  if (typeof value === 'boolean' && labels.length === 2) return index(Number(value));
  if (typeof value === 'number' && Number.isInteger(value)) return index(value);
  const label = asText(value, what).trim();
  if (labels.includes(label)) return label;
  if (/^\d+$/.test(label)) return index(Number(label));
  throw new RowProblem(`${what} "${clip(label)}" is not one of the labels (${labels.join(', ')})`);
}

// `preprocess: {type: qa, question, answer, context?}`: open questions. A list answer (several
// accepted spellings, SQuAD's `answers.text`) puts the first in `sample.reference` and all of
// them in `sample.references`, over which metrics take the best match.
import type { z } from 'zod';
import type { qaMappingSchema } from '../../config/schema/dataset.js';
import type { Preprocessor } from '../preprocessor.js';
import { mapped } from './mapped.js';
import { asText, column, RowProblem, rowMetadata, text } from './row-problem.js';

export type QaMapping = z.infer<typeof qaMappingSchema>;

export function qa(mapping: QaMapping, idPrefix = 'row'): Preprocessor {
  return mapped(idPrefix, (row, sampleId) => {
    const question = text(row, mapping.question, 'the question');
    const references = answers(column(row, mapping.answer, 'the answer'), `column "${mapping.answer}" (the answer)`);
    const context = mapping.context === undefined ? {} : { context: text(row, mapping.context, 'the context') };
    return { ...row, sample_id: sampleId, question, ...context, reference: references[0], references, metadata: rowMetadata(row) };
  });
}

export function answers(value: unknown, what: string): string[] {
  if (!Array.isArray(value)) return [asText(value, what)];
  if (value.length === 0) throw new RowProblem(`${what} is an empty list`);
  return value.map((item, i) => asText(item, `${what} item ${i}`));
}

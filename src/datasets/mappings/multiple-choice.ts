// `preprocess: {type: multiple_choice, question, choices, label, letters?}`: any benchmark's
// columns as a question with lettered options and a gold letter. `choices` is one column
// holding a list, or a list of columns, one option each (empty trailing ones are dropped, so
// rows with fewer options share a file with the rest).
import type { z } from 'zod';
import type { multipleChoiceMappingSchema } from '../../config/schema/dataset.js';
import type { Preprocessor } from '../preprocessor.js';
import { choiceSample, DEFAULT_LETTERS, optionTexts, resolveLabel } from './choices.js';
import { mapped } from './mapped.js';
import { asText, column, list, RowProblem, text } from './row-problem.js';

export type MultipleChoiceMapping = z.infer<typeof multipleChoiceMappingSchema>;

export function multipleChoice(mapping: MultipleChoiceMapping, idPrefix = 'row'): Preprocessor {
  const letters = mapping.letters ?? DEFAULT_LETTERS;
  return mapped(idPrefix, (row, sampleId) => {
    const question = text(row, mapping.question, 'the question');
    const options = typeof mapping.choices === 'string' ? optionTexts(list(row, mapping.choices, 'the choices'), `column "${mapping.choices}"`) : optionColumns(row, mapping.choices);
    const gold = resolveLabel(column(row, mapping.label, 'the label'), options, letters, `column "${mapping.label}" (the label)`);
    return choiceSample(row, sampleId, { question, options, gold, letters });
  });
}

function optionColumns(row: Record<string, unknown>, columns: readonly string[]): string[] {
  const values = columns.map((name) => column(row, name, 'a choice'));
  const blank = (value: unknown): boolean => value === null || (typeof value === 'string' && value.trim() === '');
  let count = values.length;
  while (count > 0 && blank(values[count - 1])) count -= 1;
  const gap = values.slice(0, count).findIndex(blank);
  if (gap !== -1) throw new RowProblem(`choice column "${columns[gap]}" is empty but a later one is not; the letters after it would shift`);
  return columns.slice(0, count).map((name, i) => asText(values[i], `choice column "${name}"`));
}

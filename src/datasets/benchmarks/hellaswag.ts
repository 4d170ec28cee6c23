// HellaSwag (Rowan/hellaswag): {ind, activity_label, ctx_a, ctx_b, ctx, endings: [4], label:
// "0"–"3", source_id, split, split_type}. The question is the context to complete; the WikiHow
// rows' markup ("[header]", "[title]", "[step]") is taken out of it and of the endings, as the
// usual evaluation harnesses do. The test split's rows have no label: each is a row error.
import { choiceSample, DEFAULT_LETTERS, optionTexts, resolveLabel } from '../mappings/choices.js';
import { mapped } from '../mappings/mapped.js';
import { column, list, text } from '../mappings/row-problem.js';
import type { Preprocessor } from '../preprocessor.js';

export const hellaswag: Preprocessor = mapped('hellaswag', (row, sampleId) => {
  const question = clean(text(row, 'ctx', 'the context'));
  const options = optionTexts(list(row, 'endings', 'the endings'), 'endings').map(clean);
  const gold = resolveLabel(column(row, 'label', 'the label'), options, DEFAULT_LETTERS, 'label');
  return choiceSample(row, sampleId, { question, options, gold });
});

/** " [title]" ends a WikiHow title; other bracketed tags are markup; then single spaces. */
export function clean(text: string): string {
  return text.trim().replace(/ \[title\]/g, '. ').replace(/\[.*?\]/g, '').replace(/ {2,}/g, ' ').trim();
}

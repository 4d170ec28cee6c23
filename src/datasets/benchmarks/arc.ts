// ARC (allenai/ai2_arc): {id, question, choices: {text: [...], label: [...]}, answerKey}. Most
// rows label their options A–D, some 1–4 (and a few have 3 or 5 options); the answer key is
// looked up among the row's own labels, and the options are lettered A, B, C, … for every
// row alike, so one prompt and one metric fit them all.
import { choiceSample, optionTexts } from '../mappings/choices.js';
import { mapped } from '../mappings/mapped.js';
import { clip, list, RowProblem, text } from '../mappings/row-problem.js';
import type { Preprocessor } from '../preprocessor.js';

export const arc: Preprocessor = mapped('arc', (row, sampleId) => {
  const question = text(row, 'question', 'the question');
  const options = optionTexts(list(row, 'choices.text', 'the choices'), 'choices.text');
  const labels = optionTexts(list(row, 'choices.label', 'the choice labels'), 'choices.label');
  if (labels.length !== options.length) throw new RowProblem(`choices.text has ${options.length} items but choices.label has ${labels.length}`);
  const answerKey = text(row, 'answerKey', 'the answer key').trim();
  const gold = labels.indexOf(answerKey);
  if (gold === -1) throw new RowProblem(`answerKey "${clip(answerKey)}" is not one of choices.label (${labels.join(', ')})`);
  return choiceSample(row, sampleId, { question, options, gold });
});

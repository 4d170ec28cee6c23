// TruthfulQA, single-true multiple choice (truthfulqa/truthful_qa, subset multiple_choice):
// {question, mc1_targets: {choices: [...], labels: [1, 0, 0, …]}, mc2_targets}. The dataset
// lists the true answer first in every row, so a model that always says "A" would score 100%:
// the options are shuffled, the same way every run (seeded by the question), and
// metadata.choice_order keeps each lettered option's index in the original list.
import { choiceSample, optionTexts } from '../mappings/choices.js';
import { mapped } from '../mappings/mapped.js';
import { list, RowProblem, text } from '../mappings/row-problem.js';
import type { Preprocessor } from '../preprocessor.js';

export const truthfulqaMc1: Preprocessor = mapped('truthfulqa', (row, sampleId) => {
  const question = text(row, 'question', 'the question');
  const options = optionTexts(list(row, 'mc1_targets.choices', 'the choices'), 'mc1_targets.choices');
  const labels = list(row, 'mc1_targets.labels', 'the choice labels').map(Number);
  const trueAt = labels.flatMap((label, i) => (label === 1 ? [i] : []));
  if (labels.length !== options.length) throw new RowProblem(`mc1_targets has ${options.length} choices but ${labels.length} labels`);
  if (trueAt.length !== 1) throw new RowProblem(`mc1_targets.labels marks ${trueAt.length} choices true; exactly one must be 1`);
  const order = seededShuffle(options.length, question);
  const sample = choiceSample(row, sampleId, { question, options: order.map((i) => options[i]!), gold: order.indexOf(trueAt[0]!) });
  return { ...sample, metadata: { ...sample.metadata, choice_order: order } };
});

/** A permutation of 0…n−1 that depends only on `seed` (FNV-1a, then a small LCG per swap). */
export function seededShuffle(n: number, seed: string): number[] {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

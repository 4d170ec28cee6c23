// Multiple choice, shared by the column mapping and the benchmarks: options get letters (A, B,
// C, … unless given), the gold option's letter becomes `sample.reference` and the options
// `sample.metadata.option_map`, as piqa's do, so multi_choice_accuracy and PIQA-style prompts
// work unchanged for any of them.
import type { Sample } from '../sample.js';
import { asText, clip, RowProblem, rowMetadata } from './row-problem.js';

export const DEFAULT_LETTERS: readonly string[] = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export interface Choices {
  question: string;
  options: readonly string[];
  /** 0-based index of the right option. */
  gold: number;
  letters?: readonly string[];
  /** Further fields of the sample (a benchmark's context, its original order). */
  extra?: Record<string, unknown>;
}

export function choiceSample(row: Record<string, unknown>, sampleId: string, choices: Choices): Sample {
  const letters = choices.letters ?? DEFAULT_LETTERS;
  if (choices.options.length < 2) throw new RowProblem(`there ${choices.options.length === 1 ? 'is 1 choice' : 'are no choices'}; multiple choice needs at least 2`);
  if (choices.options.length > letters.length) throw new RowProblem(`there are ${choices.options.length} choices but only ${letters.length} letters (${letters.join(', ')}); give more in \`letters\``);
  const option_map = Object.fromEntries(choices.options.map((option, i) => [letters[i]!, option]));
  return {
    // Other columns stay reachable from templates as sample.<column>.
    ...row,
    sample_id: sampleId,
    question: choices.question,
    reference: letters[choices.gold]!,
    ...choices.extra,
    metadata: { ...rowMetadata(row), option_map },
  };
}

/** Options as text; `what` names their source in messages. */
export function optionTexts(values: readonly unknown[], what: string): string[] {
  return values.map((value, i) => asText(value, `${what} item ${i}`));
}

/**
 * The gold option from a label: a number (or a string of digits) is a 0-based index, a string
 * equal to one of the letters is that letter (also in lower case), any other string must be
 * one option's text. Letters are tried before digits, so custom letters "1", "2", … work.
 */
export function resolveLabel(value: unknown, options: readonly string[], letters: readonly string[], what: string): number {
  const n = options.length;
  const used = letters.slice(0, n);
  const inRange = (index: number): number => {
    if (index >= 0 && index < n) return index;
    throw new RowProblem(`${what} is ${index}, out of range for ${n} choices (0–${n - 1})`);
  };
  if (typeof value === 'number' && Number.isInteger(value)) return inRange(value);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RowProblem(`${what} holds ${value === '' ? 'an empty string' : JSON.stringify(value) ?? 'nothing'}; it must be an index, a letter or a choice's text`);
  }
  const label = value.trim();
  const letter = used.indexOf(label);
  if (letter !== -1) return letter;
  const upper = used.indexOf(label.toUpperCase());
  if (upper !== -1 && label.length === 1) return upper;
  if (/^\d+$/.test(label)) return inRange(Number(label));
  const byText = options.findIndex((option) => option.trim() === label);
  if (byText !== -1) return byText;
  throw new RowProblem(`${what} "${clip(label)}" is neither an index (0–${n - 1}), a letter (${used.join(', ')}) nor the text of a choice`);
}

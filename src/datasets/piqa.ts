// PIQA rows ({goal, sol1, sol2, label}) become two-option multiple-choice samples: the
// options live in metadata.option_map so prompts and metrics stay format-agnostic.
import type { Preprocessor } from './preprocessor.js';
import { ownId, positionalId } from './row-id.js';
import type { Sample } from './sample.js';

const LETTERS = ['A', 'B'] as const;

export const piqa: Preprocessor = {
  fallbackId: (rowNumber) => positionalId('piqa', rowNumber),
  apply(row, rowNumber) {
    const sample_id = ownId(row) ?? positionalId('piqa', rowNumber);
    const fail = (message: string) => ({ ok: false as const, sample_id, message });

    for (const field of ['goal', 'sol1', 'sol2'] as const) {
      const value = row[field];
      if (typeof value !== 'string' || value.trim() === '') {
        return fail(`piqa field "${field}" must be a non-empty string, got ${show(value)}`);
      }
    }
    const label = parseLabel(row.label);
    if (label === undefined) {
      return fail(`piqa field "label" must be 0 or 1 (number or numeric string), got ${show(row.label)}`);
    }

    const { goal, sol1, sol2 } = row as { goal: string; sol1: string; sol2: string };
    const sample: Sample = {
      // Other columns stay reachable from templates as sample.<field>.
      ...row,
      sample_id,
      question: goal,
      goal,
      sol1,
      sol2,
      label,
      reference: LETTERS[label],
      metadata: { option_map: { A: sol1, B: sol2 } },
    };
    return { ok: true, sample };
  },
};

function parseLabel(value: unknown): 0 | 1 | undefined {
  // Hugging Face exports sometimes carry labels as strings ("0"/"1").
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return n === 0 || n === 1 ? n : undefined;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing (field missing)' : JSON.stringify(value);
}

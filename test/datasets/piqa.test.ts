import { describe, expect, it } from 'vitest';
import { none } from '../../src/datasets/none.js';
import { piqa } from '../../src/datasets/piqa.js';

const row = { goal: 'Open a jar', sol1: 'Twist the lid', sol2: 'Freeze the jar', label: 0 };

describe('piqa preprocessor', () => {
  it('maps a row to a two-option sample', () => {
    expect(piqa.apply(row, 7)).toEqual({
      ok: true,
      sample: {
        sample_id: 'piqa-0007',
        question: 'Open a jar',
        goal: 'Open a jar',
        sol1: 'Twist the lid',
        sol2: 'Freeze the jar',
        label: 0,
        reference: 'A',
        metadata: { option_map: { A: 'Twist the lid', B: 'Freeze the jar' } },
      },
    });
  });

  it('accepts label 1 and numeric-string labels', () => {
    const one = piqa.apply({ ...row, label: '1' }, 1);
    expect(one.ok && one.sample).toMatchObject({ label: 1, reference: 'B' });
  });

  it("prefers the row's own id, then sample_id over id", () => {
    expect(piqa.apply({ ...row, id: 'x-1' }, 3)).toMatchObject({ sample: { sample_id: 'x-1' } });
    expect(piqa.apply({ ...row, id: 'x-1', sample_id: 's-9' }, 3)).toMatchObject({ sample: { sample_id: 's-9' } });
  });

  it.each([
    [{ ...row, label: 2 }, 'piqa field "label" must be 0 or 1 (number or numeric string), got 2'],
    [{ ...row, label: 'yes' }, 'piqa field "label" must be 0 or 1 (number or numeric string), got "yes"'],
    [{ ...row, label: '' }, 'piqa field "label" must be 0 or 1 (number or numeric string), got ""'],
    [{ goal: 'g', sol1: 'a', label: 0 }, 'piqa field "sol2" must be a non-empty string, got nothing (field missing)'],
    [{ ...row, goal: 5 }, 'piqa field "goal" must be a non-empty string, got 5'],
  ])('rejects %j', (bad, message) => {
    expect(piqa.apply(bad, 12)).toEqual({ ok: false, sample_id: 'piqa-0012', message });
  });
});

describe('none preprocessor', () => {
  it('passes the row through with a positional id and empty metadata', () => {
    expect(none.apply({ question: 'q', answer: 'B' }, 3)).toEqual({
      ok: true,
      sample: { question: 'q', answer: 'B', sample_id: 'row-0003', reference: 'B', metadata: {} },
    });
  });

  it('keeps sample_id and metadata, and takes the first string reference', () => {
    const result = none.apply({ id: 'q1', reference: 'C', label: 'D', metadata: { k: 1 } }, 1);
    expect(result).toMatchObject({ sample: { sample_id: 'q1', reference: 'C', metadata: { k: 1 } } });
    const numeric = none.apply({ label: 1, metadata: [1] }, 1);
    expect(numeric).toMatchObject({ sample: { reference: undefined, metadata: {} } });
  });
});

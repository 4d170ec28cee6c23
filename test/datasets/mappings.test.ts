// Column mappings as pure preprocessors: what a row becomes, and what each bad row says.
import { describe, expect, it } from 'vitest';
import { classification } from '../../src/datasets/mappings/classification.js';
import { multipleChoice } from '../../src/datasets/mappings/multiple-choice.js';
import { qa } from '../../src/datasets/mappings/qa.js';
import type { Preprocessed } from '../../src/datasets/preprocessor.js';

const message = (result: Preprocessed): string => (result.ok ? 'ok' : result.message);

describe('multiple_choice mapping', () => {
  const fromList = multipleChoice({ type: 'multiple_choice', question: 'q', choices: 'options', label: 'gold' });

  it('letters the options of a list column, puts the gold letter in reference and the options in option_map', () => {
    const result = fromList.apply({ id: 'x1', q: 'Which?', options: ['red', 'green', 'blue'], gold: 2, metadata: { source: 's' } }, 1);
    expect(result).toEqual({
      ok: true,
      sample: {
        id: 'x1',
        q: 'Which?',
        options: ['red', 'green', 'blue'],
        gold: 2,
        sample_id: 'x1',
        question: 'Which?',
        reference: 'C',
        metadata: { source: 's', option_map: { A: 'red', B: 'green', C: 'blue' } },
      },
    });
  });

  it('takes the label as an index, a digit string, a letter (any case) or the option\'s text', () => {
    const gold = (label: unknown) => {
      const result = fromList.apply({ q: 'Q', options: ['red', 'green', 'blue'], gold: label }, 7);
      return result.ok ? result.sample.reference : result.message;
    };
    expect([gold(0), gold('1'), gold('C'), gold('b'), gold('blue'), gold(' green ')]).toEqual(['A', 'B', 'C', 'B', 'C', 'B']);
    expect(gold(3)).toBe('column "gold" (the label) is 3, out of range for 3 choices (0–2)');
    expect(gold('purple')).toBe('column "gold" (the label) "purple" is neither an index (0–2), a letter (A, B, C) nor the text of a choice');
    expect(gold(null)).toMatch(/^column "gold" \(the label\) holds null; it must be an index/);
  });

  it('reads a list column written as JSON text, as a CSV holds it', () => {
    const result = fromList.apply({ q: 'Q', options: '["x", "y"]', gold: 'y' }, 1);
    expect(result.ok && result.sample.metadata.option_map).toEqual({ A: 'x', B: 'y' });
    expect(message(fromList.apply({ q: 'Q', options: 'x; y', gold: 0 }, 1))).toBe('column "options" (the choices) holds string "x; y", not a list');
  });

  it('reads one option per column, drops empty trailing ones and refuses a gap', () => {
    const columns = multipleChoice({ type: 'multiple_choice', question: 'q', choices: ['a', 'b', 'c', 'd'], label: 'ans' });
    const three = columns.apply({ q: 'Q', a: '1', b: '2', c: '3', d: '', ans: 'C' }, 1);
    expect(three.ok && three.sample.metadata.option_map).toEqual({ A: '1', B: '2', C: '3' });
    expect(message(columns.apply({ q: 'Q', a: '1', b: '', c: '3', d: '4', ans: 'A' }, 1))).toBe('choice column "b" is empty but a later one is not; the letters after it would shift');
  });

  it('uses the letters it is given', () => {
    const numbered = multipleChoice({ type: 'multiple_choice', question: 'q', choices: 'o', label: 'l', letters: ['1', '2', '3'] });
    const result = numbered.apply({ q: 'Q', o: ['a', 'b', 'c'], l: '2' }, 1);
    expect(result.ok && [result.sample.reference, result.sample.metadata.option_map]).toEqual(['2', { 1: 'a', 2: 'b', 3: 'c' }]);
    expect(message(numbered.apply({ q: 'Q', o: ['a', 'b', 'c', 'd'], l: 0 }, 1))).toBe('there are 4 choices but only 3 letters (1, 2, 3); give more in `letters`');
  });

  it('names a missing column and the columns there are, marking it as missing', () => {
    const result = fromList.apply({ question: 'Q', options: ['a', 'b'], gold: 0 }, 4);
    expect(result).toEqual({
      ok: false,
      sample_id: 'row-0004',
      message: 'column "q" (the question) is missing; this row has: question, options, gold',
      missingColumn: 'q',
    });
  });
});

describe('qa mapping', () => {
  it('puts a single answer in reference and references', () => {
    const result = qa({ type: 'qa', question: 'q', answer: 'a' }).apply({ q: 'Capital of France?', a: 'Paris' }, 2);
    expect(result.ok && result.sample).toMatchObject({ sample_id: 'row-0002', question: 'Capital of France?', reference: 'Paris', references: ['Paris'] });
  });

  it('reads nested fields by dotted path: every accepted answer in references, the first in reference, the context', () => {
    const squad = qa({ type: 'qa', question: 'question', answer: 'answers.text', context: 'context' });
    const row = { id: 'sq1', question: 'Who?', context: 'Ada wrote it.', answers: { text: ['Ada', 'Ada Lovelace'], answer_start: [0, 0] } };
    const result = squad.apply(row, 1);
    expect(result.ok && result.sample).toMatchObject({ sample_id: 'sq1', question: 'Who?', context: 'Ada wrote it.', reference: 'Ada', references: ['Ada', 'Ada Lovelace'] });
    expect(message(squad.apply({ ...row, answers: { texts: ['x'] } }, 1))).toBe('column "answers.text" (the answer) is missing; answers has: texts');
    expect(message(squad.apply({ ...row, answers: { text: [] } }, 1))).toBe('column "answers.text" (the answer) is an empty list');
  });

  it('spells a numeric answer out and refuses an empty one', () => {
    const math = qa({ type: 'qa', question: 'q', answer: 'a' });
    expect(math.apply({ q: '2+2', a: 4 }, 1)).toMatchObject({ ok: true, sample: { reference: '4' } });
    expect(message(math.apply({ q: '2+2', a: ' ' }, 1))).toBe('column "a" (the answer) is empty');
  });
});

describe('classification mapping', () => {
  const sentiment = classification({ type: 'classification', input: 'text', label: 'label', labels: ['negative', 'positive'] });

  it('maps an index, a digit string or a boolean through labels, and keeps a label given as text', () => {
    const reference = (label: unknown) => {
      const result = sentiment.apply({ text: 'great', label }, 1);
      return result.ok ? result.sample.reference : result.message;
    };
    expect([reference(1), reference('0'), reference(true), reference('positive')]).toEqual(['positive', 'negative', 'positive', 'positive']);
    expect(reference('neutral')).toBe('column "label" (the label) "neutral" is not one of the labels (negative, positive)');
    expect(reference(2)).toBe('column "label" (the label) is 2, out of range for 2 labels (0–1)');
  });

  it('puts the input in sample.input and the labels in metadata, for prompts that list them', () => {
    expect(sentiment.apply({ id: 7, text: 'meh', label: 0 }, 1)).toMatchObject({
      ok: true,
      sample: { sample_id: '7', input: 'meh', reference: 'negative', metadata: { labels: ['negative', 'positive'] } },
    });
  });

  it('takes any label as text without a label set', () => {
    const open = classification({ type: 'classification', input: 'text', label: 'team' });
    expect(open.apply({ text: 'refund please', team: 'billing' }, 1)).toMatchObject({ ok: true, sample: { reference: 'billing' } });
  });
});

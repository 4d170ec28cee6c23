// defineEvalSuite's `datasets`, checked when the suite is defined.
import { describe, expect, it } from 'vitest';
import type { DatasetSpec } from '../../src/config/schema.js';
import { checkSuppliedDatasets } from '../../src/datasets/supplied.js';

const datasets: DatasetSpec[] = [
  { dataset_id: 'questions', loader: 'code', params: { preprocess: 'none' } },
  { dataset_id: 'quiz', loader: 'csv', path: 'quiz.csv', params: { preprocess: 'none' } },
];

describe('checkSuppliedDatasets', () => {
  it('accepts rows for a code dataset and a replacement for another loader', () => {
    expect(() => checkSuppliedDatasets(datasets, { questions: [], quiz: () => [] }, 'p.yaml')).not.toThrow();
  });

  it('names an unknown id with the known ones (and a likely typo)', () => {
    expect(() => checkSuppliedDatasets(datasets, { questions: [], quizz: [] }, 'p.yaml')).toThrow(
      'defineEvalSuite: datasets.quizz: p.yaml has no dataset "quizz". Did you mean "quiz"? Its datasets: questions, quiz',
    );
  });

  it('refuses a value that is not rows, and a code dataset given none', () => {
    expect(() => checkSuppliedDatasets(datasets, { questions: 'rows.csv' }, 'p.yaml')).toThrow('datasets.questions: give an array of row objects, or a function returning an iterable or async iterable of them (not string)');
    expect(() => checkSuppliedDatasets(datasets, undefined, 'p.yaml')).toThrow(
      'dataset "questions" has loader: code, but no rows were given for it: add datasets: {questions: rows} to defineEvalSuite\'s options',
    );
  });
});

// BoolQ (google/boolq): {question, answer: true/false, passage}. A yes/no classification: the
// reference is "yes" or "no", the passage is sample.context, and metadata.labels lists both
// for prompts that show the options.
import { labelText } from '../mappings/classification.js';
import { mapped } from '../mappings/mapped.js';
import { column, rowMetadata, text } from '../mappings/row-problem.js';
import type { Preprocessor } from '../preprocessor.js';

const LABELS = ['no', 'yes'] as const;

export const boolq: Preprocessor = mapped('boolq', (row, sampleId) => {
  const question = text(row, 'question', 'the question');
  const context = text(row, 'passage', 'the passage');
  const answer = column(row, 'answer', 'the answer');
  // Exports to CSV spell the boolean "True"/"False".
  const spelled = typeof answer === 'string' && /^(true|false)$/i.test(answer.trim()) ? answer.trim().toLowerCase() === 'true' : answer;
  const reference = labelText(spelled, LABELS, 'column "answer"');
  return { ...row, sample_id: sampleId, question, input: question, context, reference, metadata: { ...rowMetadata(row), labels: [...LABELS] } };
});

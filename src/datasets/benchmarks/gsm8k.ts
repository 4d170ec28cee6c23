// GSM8K (openai/gsm8k, subset main): {question, answer}, where the answer is the worked
// solution ending in "#### <number>". The number (thousands separators dropped) is the
// reference; the worked solution before it is kept as sample.rationale, for few-shot prompts.
import { mapped } from '../mappings/mapped.js';
import { RowProblem, rowMetadata, text } from '../mappings/row-problem.js';
import type { Preprocessor } from '../preprocessor.js';

export const gsm8k: Preprocessor = mapped('gsm8k', (row, sampleId) => {
  const question = text(row, 'question', 'the question');
  const { rationale, final } = splitAnswer(text(row, 'answer', 'the answer'));
  return { ...row, sample_id: sampleId, question, reference: final, references: [final], rationale, metadata: rowMetadata(row) };
});

export function splitAnswer(answer: string): { rationale: string; final: string } {
  const at = answer.lastIndexOf('####');
  if (at === -1) throw new RowProblem('column "answer" has no "#### <final answer>" line');
  const final = answer.slice(at + 4).trim().replace(/,/g, '');
  if (final === '') throw new RowProblem('column "answer" has nothing after "####"');
  return { rationale: answer.slice(0, at).trim(), final };
}

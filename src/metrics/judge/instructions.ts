// What llm_judge appends to the rubric's last user message, so that the judge answers in the
// form the answer rule (answer.ts) reads. Said once here; the README quotes it.
import type { LlmJudgeParams } from './params.js';

export function answerInstruction(params: LlmJudgeParams): string {
  const line = params.scale
    ? `"Score: <n>", where <n> is a number from ${params.scale.min} to ${params.scale.max}`
    : `"Choice: <label>", where <label> is one of: ${Object.keys(params.choices ?? {}).join(', ')}`;
  return params.use_cot
    ? `First explain your reasoning step by step, without stating your answer at the outset. Then end with one line ${line}.`
    : `Reply with one line ${line}, and nothing else.`;
}

// llm_judge: a model grades the reply. The judge adapter's prompt is the rubric (Jinja with
// `sample`, `output`, `reference` in scope); an instruction on how to answer is appended; the
// answer becomes a score through `choices` or `scale`. The call goes through the judge's own
// provider client (handle.ts), so it is retried, rate limited and mocked like any other, and
// its tokens are counted as the judge's.
import type { ChatMessage } from '../../providers/types.js';
import { MetricFault } from '../fault.js';
import { defineMetric, type MetricResult } from '../metric.js';
import { readChoice, readNumber } from './answer.js';
import { answerInstruction } from './instructions.js';
import { llmJudgeParams, type LlmJudgeParams } from './params.js';

/** How much of an unreadable answer the error quotes. */
const QUOTE_CHARS = 300;

export const llmJudge = defineMetric<LlmJudgeParams>({
  name: 'llm_judge',
  params: llmJudgeParams,
  async score({ sample, params, judge }): Promise<MetricResult> {
    if (judge === undefined) throw new Error(`llm_judge has no judge client for "${params.judge}"`);
    const text = await judge.ask(withInstruction(judge.messages(), answerInstruction(params)));
    const reference = sample.reference ?? null;
    if (params.scale) {
      const { min, max } = params.scale;
      const answer = readNumber(text);
      const value = answer.ok ? Number(answer.value) : NaN;
      if (!answer.ok || value < min || value > max) {
        throw unreadable(text, answer.ok ? `its score ${answer.value} is outside the scale ${min} to ${max}` : `no score from ${min} to ${max} ("Score: <n>", or a number alone on the last line)`);
      }
      return { score: (value - min) / (max - min), prediction: answer.value, reference, ...rationale(params, answer.reasoning) };
    }
    const choices = params.choices ?? {};
    const labels = Object.keys(choices);
    const answer = readChoice(text, labels);
    if (!answer.ok) throw unreadable(text, `no choice of ${labels.join(', ')} ("Choice: <label>", or the label alone on the last line)`);
    return { score: choices[answer.value]!, prediction: answer.value, reference, ...rationale(params, answer.reasoning) };
  },
});

/** The rubric with the answer instruction after its last user message (or as one). */
function withInstruction(messages: ChatMessage[], instruction: string): ChatMessage[] {
  const last = messages.at(-1);
  if (last?.role !== 'user') return [...messages, { role: 'user', content: instruction }];
  return [...messages.slice(0, -1), { role: 'user', content: `${last.content}\n\n${instruction}` }];
}

function rationale(params: LlmJudgeParams, reasoning: string): { rationale?: string } {
  return params.use_cot && reasoning !== '' ? { rationale: reasoning } : {};
}

function unreadable(text: string, what: string): MetricFault {
  const quoted = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;
  return new MetricFault('judge_unparseable', `the judge's answer gives ${what}: ${JSON.stringify(quoted)}`);
}

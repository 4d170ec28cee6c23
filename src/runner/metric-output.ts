// What metrics see of an answer: its text, and the parsed JSON when the answer is JSON. Only a
// text that looks like JSON (an object, an array, or a fenced block) is parsed, so plain
// answers cost no parse attempt per sample.
import type { MetricOutput } from '../metrics/metric.js';
import { parseJsonAnswer } from '../providers/json-answer.js';

const LOOKS_LIKE_JSON = /^\s*(?:[{[]|```)/;

export function metricOutput(text: string, parsed?: { ok: boolean; value?: unknown }): MetricOutput {
  if (parsed) return parsed.ok ? { text, json: parsed.value } : { text };
  if (!LOOKS_LIKE_JSON.test(text)) return { text };
  const answer = parseJsonAnswer(text);
  return answer.ok ? { text, json: answer.value } : { text };
}

// What metrics see of an answer: its text, and the parsed JSON when the answer is JSON. When
// the call asked for JSON (a response_format), inference_end carries output_json already and
// that parse is the one metrics get; otherwise only a text that looks like JSON (an object,
// an array, or a fenced block) is parsed, so plain answers cost no parse attempt per sample.
import type { MetricOutput } from '../metrics/metric.js';
import { parseJsonAnswer } from '../providers/json-answer.js';

const LOOKS_LIKE_JSON = /^\s*(?:[{[]|```)/;

function metricOutput(text: string): MetricOutput {
  if (!LOOKS_LIKE_JSON.test(text)) return { text };
  const answer = parseJsonAnswer(text);
  return answer.ok ? { text, json: answer.value } : { text };
}

/** From a provider's answer, using its output_json (or output_json_error) when it has one. */
export function metricOutputOf(result: { text: string; output_json?: unknown; output_json_error?: string }): MetricOutput {
  if (result.output_json_error !== undefined) return { text: result.text };
  if (result.output_json !== undefined) return { text: result.text, json: result.output_json };
  return metricOutput(result.text);
}

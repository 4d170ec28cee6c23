// The JSON value json_valid and json_schema judge: the parsed answer the runner already has
// (output.json), else the reply parsed by the one JSON-answer parser (fences stripped).
import type { MetricOutput } from '../metric.js';
import { parseJsonAnswer, type JsonAnswer } from '../../providers/json-answer.js';

export function jsonOf(output: MetricOutput): JsonAnswer {
  return output.json !== undefined ? { ok: true, value: output.json } : parseJsonAnswer(output.text);
}

export function jsonTypeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

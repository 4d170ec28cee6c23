// What inference_end records of a structured answer: the parsed JSON (`output_json`), or why
// there is none (`output_json_error`: it did not parse, or it does not match the schema). The
// one parser is json-answer.ts, the one compiler json-schema.ts (each schema compiled once).
import { parseJsonAnswer } from '../json-answer.js';
import { compileSchema } from '../json-schema.js';
import type { StructuredFormat } from './format.js';

export type JsonOutcome = { output_json: unknown } | { output_json_error: string };

export function jsonOutcome(text: string, format: StructuredFormat): JsonOutcome {
  const parsed = parseJsonAnswer(text);
  if (!parsed.ok) return { output_json_error: parsed.error };
  if (format.kind === 'json') return { output_json: parsed.value };
  const validate = compileSchema(format.schema);
  if (validate(parsed.value)) return { output_json: parsed.value };
  const [first] = validate.errors ?? [];
  const where = first?.instancePath ? first.instancePath : '(the root)';
  return { output_json_error: `does not match the schema: ${where} ${first?.message ?? 'is invalid'}` };
}

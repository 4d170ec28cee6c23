// What inference_end records of a structured answer: the parsed JSON (`output_json`), or why
// there is none (`output_json_error`: it did not parse, or it does not match the schema). The
// one parser is json-answer.ts; each schema is compiled once (ajv) and kept with the schema
// object, which the config holds for the whole run.
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseJsonAnswer } from '../json-answer.js';
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

const compiled = new WeakMap<object, ValidateFunction>();

/** The schema's validator; throws with ajv's reason when the schema itself is invalid. */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    // Draft 2020-12 when the schema says so, else draft-07 (what most schemas are written in).
    // Formats (email, date…) are not checked: that needs ajv-formats, not a dependency here.
    const options = { strict: false, validateFormats: false, logger: false } as const;
    const ajv = String(schema.$schema ?? '').includes('2020-12') ? new Ajv2020(options) : new Ajv(options);
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** A result's structured answer as metrics take it (runner/metric-output.ts): parsed, failed, or
 *  undefined when no response format was asked for (the text is then parsed if it looks like JSON). */
export function structuredAnswerOf(result: { output_json?: unknown; output_json_error?: string }): { ok: true; value: unknown } | { ok: false } | undefined {
  if (result.output_json_error !== undefined) return { ok: false };
  return 'output_json' in result ? { ok: true, value: result.output_json } : undefined;
}

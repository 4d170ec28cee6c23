// json_schema: 1 when the reply's JSON (see json-target.ts) validates against the JSON Schema
// given inline as `schema:`, else 0 with the first failing path and ajv's message in the
// rationale and metadata. A schema that is itself invalid fails the params check, at load.
import { z } from 'zod';
import { defineMetric } from '../metric.js';
import { compileSchema } from '../../providers/json-schema.js';
import { jsonOf } from './json-target.js';

const jsonSchemaParams = z
  .strictObject({ schema: z.record(z.string(), z.unknown()) })
  .superRefine(({ schema }, ctx) => {
    try {
      compileSchema(schema);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['schema'], message: `not a valid JSON Schema: ${(error as Error).message}` });
    }
  });

export const jsonSchema = defineMetric({
  name: 'json_schema',
  params: jsonSchemaParams,
  score({ output, params }) {
    const answer = jsonOf(output);
    if (!answer.ok) return { score: 0, rationale: answer.error, metadata: { path: null, message: answer.error } };
    const validate = compileSchema(params.schema);
    if (validate(answer.value)) return { score: 1 };
    const first = validate.errors![0]!;
    // ajv reports a missing property at its parent; the path names the property itself.
    const missing = first.keyword === 'required' ? `/${String((first.params as { missingProperty: string }).missingProperty)}` : '';
    const path = `${first.instancePath}${missing}` || '/';
    const message = first.message ?? first.keyword;
    return { score: 0, rationale: `${path}: ${message}`, metadata: { path, message, keyword: first.keyword, schema_path: first.schemaPath } };
  },
});

// OpenAI's strict structured outputs accept a subset of JSON Schema: every object closes its
// properties (additionalProperties: false) and requires all of them. This is the rule the
// OpenAI parameter mapping checks before asking for strict mode and the mock enforces as the
// service does, with the service's wording.
import { isRecord } from '../body.js';

const NESTED = ['items', 'anyOf', 'allOf', 'oneOf', 'prefixItems'] as const;
const NAMED = ['properties', '$defs', 'definitions'] as const;

/** The first rule the schema breaks for strict mode, worded as OpenAI words it; else undefined. */
export function strictSchemaProblem(schema: unknown, context: string[] = []): string | undefined {
  if (!isRecord(schema)) return undefined;
  const where = `In context=(${context.map((c) => `'${c}'`).join(', ')})`;
  if (schema.type === 'object' || isRecord(schema.properties)) {
    if (schema.additionalProperties !== false) return `${where}, 'additionalProperties' is required to be supplied and to be false.`;
    const keys = Object.keys(isRecord(schema.properties) ? schema.properties : {});
    const required = Array.isArray(schema.required) ? schema.required : [];
    const missing = keys.filter((key) => !required.includes(key));
    if (missing.length > 0) return `${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing[0]}'.`;
  }
  for (const key of NAMED) {
    const named = schema[key];
    if (!isRecord(named)) continue;
    for (const [name, child] of Object.entries(named)) {
      const problem = strictSchemaProblem(child, [...context, key, name]);
      if (problem) return problem;
    }
  }
  for (const key of NESTED) {
    const nested = schema[key];
    const children = Array.isArray(nested) ? nested : [nested];
    for (const [i, child] of children.entries()) {
      const problem = strictSchemaProblem(child, [...context, key, ...(Array.isArray(nested) ? [String(i)] : [])]);
      if (problem) return problem;
    }
  }
  return undefined;
}

// json_valid: 1 when the reply (a Markdown fence around it ignored) is JSON, and, with
// `type: object` or `type: array`, JSON of that type; else 0 with the reason. The prediction
// is the JSON's type.
import { z } from 'zod';
import { defineMetric } from '../metric.js';
import { jsonOf, jsonTypeOf } from './json-target.js';

export const jsonValid = defineMetric({
  name: 'json_valid',
  params: z.strictObject({ type: z.enum(['object', 'array']).optional() }),
  score({ output, params }) {
    const answer = jsonOf(output);
    if (!answer.ok) return { score: 0, rationale: answer.error };
    const type = jsonTypeOf(answer.value);
    if (params.type !== undefined && type !== params.type) return { score: 0, prediction: type, rationale: `the JSON is ${a(type)}, not ${a(params.type)}` };
    return { score: 1, prediction: type };
  },
});

function a(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

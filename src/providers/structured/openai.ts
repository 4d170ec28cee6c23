// Structured output on the OpenAI chat completions protocol: `response_format` with
// `json_object`, or `json_schema` {name, schema, strict}. OpenAI and Azure get strict mode
// unless the config says otherwise — but only for a schema strict mode accepts; Moonshot models
// before kimi-k2.6 take json_object only. Every such change is recorded.
import type { Adjustments } from '../parameters/adjustments.js';
import { moonshotTakesJsonSchema } from '../parameters/model-families.js';
import type { StructuredFormat } from './format.js';
import { strictSchemaProblem } from './openai-strict.js';

export type OpenAIResponseFormat =
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean } };

export type OpenAIFamily = 'openai' | 'azure' | 'xai' | 'moonshot';

export function openAIResponseFormat(family: OpenAIFamily, model: string, format: StructuredFormat | undefined, adjust: Adjustments): OpenAIResponseFormat | undefined {
  if (format === undefined) return undefined;
  if (format.kind === 'json') return { type: 'json_object' };
  if (family === 'moonshot' && !moonshotTakesJsonSchema(model)) {
    const sent = { type: 'json_object' } as const;
    adjust.replace('response_format', { json_schema: format.name }, sent, `${model} takes json_object only (json_schema needs kimi-k2.6 or later); the answer is still checked against the schema`);
    return sent;
  }
  const { name, schema } = format;
  return { type: 'json_schema', json_schema: { name, schema, ...strictness(family, format, adjust) } };
}

function strictness(family: OpenAIFamily, format: Extract<StructuredFormat, { kind: 'schema' }>, adjust: Adjustments): { strict?: boolean } {
  if (format.strict !== undefined) return { strict: format.strict };
  if (family !== 'openai' && family !== 'azure') return {};
  const problem = strictSchemaProblem(format.schema);
  if (problem === undefined) return { strict: true };
  adjust.replace('response_format.strict', true, false, `strict mode would refuse this schema (${problem}); sent without it, the answer is still checked against the schema`);
  return { strict: false };
}

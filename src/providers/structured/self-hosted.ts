// Structured output on the self-hosted native routes: TGI's grammar ({type: json, value:
// schema}) and SGLang's sampling_params.json_schema (a JSON string). Both constrain decoding to
// the schema; plain `json` asks for any object.
import type { StructuredFormat } from './format.js';

const ANY_OBJECT = { type: 'object' };

const schemaOf = (format: StructuredFormat) => (format.kind === 'schema' ? format.schema : ANY_OBJECT);

export function tgiGrammar(format: StructuredFormat | undefined): { grammar?: { type: 'json'; value: Record<string, unknown> } } {
  return format === undefined ? {} : { grammar: { type: 'json', value: schemaOf(format) } };
}

export function sglangJsonSchema(format: StructuredFormat | undefined): { json_schema?: string } {
  return format === undefined ? {} : { json_schema: JSON.stringify(schemaOf(format)) };
}

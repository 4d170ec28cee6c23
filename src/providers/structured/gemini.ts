// Structured output on Gemini: generationConfig.responseMimeType application/json, with the
// schema in responseJsonSchema. That field takes JSON Schema as written (additionalProperties,
// $defs, anyOf…), where the older responseSchema takes an OpenAPI subset and refuses
// additionalProperties; keywords Gemini does not enforce (pattern, minLength…) are ignored by
// the service, and the answer is checked against the whole schema here anyway.
import type { StructuredFormat } from './format.js';

export interface GeminiStructuredConfig {
  responseMimeType?: 'application/json';
  responseJsonSchema?: Record<string, unknown>;
}

export function geminiStructured(format: StructuredFormat | undefined): GeminiStructuredConfig {
  if (format === undefined) return {};
  return { responseMimeType: 'application/json', ...(format.kind === 'schema' ? { responseJsonSchema: format.schema } : {}) };
}

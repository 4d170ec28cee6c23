// A response format as the provider mappings read it: any JSON (`json`), or a JSON Schema with
// the name and strictness a provider may want. The config's own shape is config/schema/common.ts.
import type { ResponseFormat } from '../../config/schema.js';

export type StructuredFormat =
  | { kind: 'json' }
  | { kind: 'schema'; schema: Record<string, unknown>; name: string; strict: boolean | undefined };

/** The name sent where a provider wants one and the config gave none. */
const DEFAULT_SCHEMA_NAME = 'answer';

export function structuredFormat(format: ResponseFormat | undefined): StructuredFormat | undefined {
  if (format === undefined) return undefined;
  if (format === 'json') return { kind: 'json' };
  return { kind: 'schema', schema: format.json_schema, name: format.name ?? DEFAULT_SCHEMA_NAME, strict: format.strict };
}

/** The schema's top-level type is object (or unstated with properties): what a tool input must be. */
export function describesObject(schema: Record<string, unknown>): boolean {
  return schema.type === 'object' || (schema.type === undefined && typeof schema.properties === 'object');
}

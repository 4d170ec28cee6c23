// A metric's params schema told in one line, for config errors: `{pattern: string, flags?:
// string}`. Written from the JSON Schema zod derives (input side, so defaulted fields show as
// optional), which covers built-ins and metrics defined in TypeScript alike.
import { z } from 'zod';

type Json = Record<string, unknown>;

/** `{judge: string, choices?: {<key>: number}, …}`, or undefined when zod cannot describe it. */
export function describeParamsShape(schema: z.ZodType): string | undefined {
  let json: Json;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  } catch {
    return undefined;
  }
  return shape(json, 0);
}

const MAX_DEPTH = 3;

function shape(node: unknown, depth: number): string {
  if (typeof node !== 'object' || node === null) return 'any';
  const schema = node as Json;
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const alternatives = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) return alternatives.map((a) => shape(a, depth)).join(' | ');
  const type = schema.type;
  if (Array.isArray(type)) return type.map((t) => shape({ ...schema, type: t }, depth)).join(' | ');
  switch (type) {
    case 'object':
      return depth >= MAX_DEPTH ? 'mapping' : objectShape(schema, depth);
    case 'array':
      return `list of ${shape(schema.items, depth + 1)}`;
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'null':
      return type;
    default:
      return 'any';
  }
}

function objectShape(schema: Json, depth: number): string {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = new Set((schema.required ?? []) as string[]);
  const fields = Object.entries(properties).map(([key, value]) => `${key}${required.has(key) ? '' : '?'}: ${shape(value, depth + 1)}`);
  const extra = schema.additionalProperties;
  if (typeof extra === 'object' && extra !== null) fields.push(`<key>: ${shape(extra, depth + 1)}`);
  return fields.length === 0 ? '{}' : `{${fields.join(', ')}}`;
}

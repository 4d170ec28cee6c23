// The keys a strict object in the schema accepts, found by walking the schema along a data
// path. zod's unknown-key issue names the stray key but not the allowed ones; users need both.
import { z } from 'zod';
import type { DataPath } from './locate.js';
import { isRecord } from './is-record.js';

/** The keys of the object schema at `path`, or undefined when no object schema is there. */
export function knownKeysAt(root: z.ZodType, path: DataPath, data: unknown): string[] | undefined {
  let schema: z.ZodType | undefined = unwrap(root, data);
  let value = data;
  for (const key of path) {
    value = isRecord(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    schema = unwrap(child(schema, key), value);
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
}

function child(schema: z.ZodType | undefined, key: PropertyKey): z.ZodType | undefined {
  if (schema instanceof z.ZodObject) return (schema.shape as Record<PropertyKey, z.ZodType>)[key];
  if (schema instanceof z.ZodArray) return schema.element as z.ZodType;
  if (schema instanceof z.ZodRecord) return schema.valueType as z.ZodType;
  return undefined;
}

/** Look through optional/default wrappers, and pick a discriminated union's option by the
 *  data's discriminator value (a plain union's mapping option for a mapping). */
function unwrap(schema: z.ZodType | undefined, value: unknown): z.ZodType | undefined {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodDiscriminatedUnion) current = pickOption(current, value);
    // A plain union (a number or a mapping, as thresholds): its mapping option, for a mapping.
    else if (current instanceof z.ZodUnion && isRecord(value)) current = (current.options as z.ZodType[]).find((option) => option instanceof z.ZodObject);
    else return current;
  }
}

function pickOption(union: z.ZodDiscriminatedUnion, value: unknown): z.ZodType | undefined {
  const tag = isRecord(value) ? value[union.def.discriminator] : undefined;
  return (union.options as z.ZodType[]).find(
    (option) => option instanceof z.ZodObject && option.shape[union.def.discriminator]?.safeParse(tag).success,
  );
}


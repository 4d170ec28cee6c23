// Shapes more than one part of the pipeline uses.
import { z } from 'zod';

/** Identifiers end up in directory names and test names: keep them plain. */
export const id = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9._-]+$/, 'use only letters, digits, ".", "_" and "-"');

/**
 * Structured output, asked of a backend or a prompt (the prompt's wins): `json` for any JSON
 * object, or a JSON Schema the answer must follow. Each provider family maps it to its own
 * wire form (see providers/). The schema itself is checked when the pipeline loads.
 */
export const responseFormatSchema = z.union([
  z.literal('json'),
  z
    .object({
      json_schema: z.record(z.string(), z.unknown()),
      /** The schema's name where a provider wants one (OpenAI's json_schema.name). */
      name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" and "-", at most 64').optional(),
      /** OpenAI-style strict schema adherence (default true). */
      strict: z.boolean().optional(),
    })
    .strict(),
]);
export type ResponseFormat = z.infer<typeof responseFormatSchema>;

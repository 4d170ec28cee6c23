// A prompt: one user message from `template`, or chat `messages` with roles. Every text is
// Jinja with `sample` and the params in scope.
import { z } from 'zod';
import { id, responseFormatSchema } from './common.js';

export const CHAT_ROLES = ['system', 'user', 'assistant'] as const;

export const promptMessageSchema = z
  .object({
    role: z.enum(CHAT_ROLES),
    content: z.string(),
  })
  .strict();
export type PromptMessageSpec = z.infer<typeof promptMessageSchema>;

/**
 * One entry of `messages`: a message ({role, content}), or a loop that repeats its own
 * `messages` once per item of a list (`for_each: sample.examples`, each item in scope as `as`,
 * default `example`) — few-shot turns from the data. Which keys go together is checked with the
 * pipeline (config/prompt-rules.ts), so a stray key is named like any other.
 */
export const promptMessageEntrySchema = z
  .object({
    role: z.enum(CHAT_ROLES).optional(),
    content: z.string().optional(),
    /** A Jinja expression giving a list, e.g. `sample.examples` or `sample.examples[:3]`. */
    for_each: z.string().min(1).optional(),
    as: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a variable name: letters, digits and "_"').optional(),
    messages: z.array(promptMessageSchema).min(1).optional(),
  })
  .strict();
export type PromptMessageEntry = z.infer<typeof promptMessageEntrySchema>;

export const promptSchema = z
  .object({
    prompt_id: id,
    renderer: z.literal('jinja').default('jinja'),
    params: z.record(z.string(), z.unknown()).default({}),
    /** One user message. Exactly one of template / messages (checked with the pipeline). */
    template: z.string().min(1).optional(),
    /** Chat messages in order; few-shot examples are user/assistant pairs or a for_each loop. */
    messages: z.array(promptMessageEntrySchema).min(1).optional(),
    /** A variable the sample lacks is an error (true) or renders empty (false). */
    strict_undefined: z.boolean().default(true),
    /** Overrides the backend's response_format for requests made with this prompt. */
    response_format: responseFormatSchema.optional(),
  })
  .strict();
export type PromptSpec = z.infer<typeof promptSchema>;

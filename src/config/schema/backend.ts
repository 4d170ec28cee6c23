// A backend: which provider and model, where and with which key, and how to call it.
import { z } from 'zod';
import { id, responseFormatSchema } from './common.js';
import { priceSchema } from './price.js';

export const generationParametersSchema = z
  .object({
    max_new_tokens: z.number().int().positive().optional(),
    temperature: z.number().min(0).optional(),
    top_p: z.number().min(0).max(1).optional(),
    top_k: z.number().int().positive().optional(),
    stop: z.union([z.string(), z.array(z.string())]).optional(),
    presence_penalty: z.number().optional(),
    frequency_penalty: z.number().optional(),
    seed: z.number().int().optional(),
  })
  .strict();
export type GenerationParameters = z.infer<typeof generationParametersSchema>;

export const backendConfigSchema = z
  .object({
    /** Provider name as written; resolved to a canonical provider by providers/resolve.ts. */
    provider: z.string().min(1),
    model: z.string().min(1),
    api_base: z.string().url().optional(),
    /** Name of the environment variable holding the key. Never the key itself. */
    api_key_env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').optional(),
    /** Seconds. */
    timeout: z.number().positive().default(60),
    generation_parameters: generationParametersSchema.default({}),
    // Retries and rate limits: unset fields take the defaults in providers/retry/policy.ts and
    // providers/limiter/limits.ts, so there is one place that knows them.
    /** Retries after the first attempt (default 6); 0 turns retrying off. */
    max_retries: z.number().int().min(0).max(100).optional(),
    /** Seconds before the first retry when the server gives no hint (default 1). */
    retry_sleep: z.number().min(0).optional(),
    /** Each further retry waits this much longer (default 2). */
    retry_multiplier: z.number().min(1).optional(),
    /** Seconds: the longest wait between attempts, server hints included (default 64). */
    retry_max_sleep: z.number().min(0).optional(),
    /** Requests per minute to this provider with this key, across every case in the process. */
    rpm: z.number().positive().optional(),
    /** Tokens (prompt + max output) per minute, likewise. */
    tpm: z.number().positive().optional(),
    /** Requests in flight to this provider with this key; halves on a 429 and recovers. */
    max_concurrency: z.number().int().positive().max(1024).optional(),
    /** Stream the answer: records time to first token and tokens per second. */
    stream: z.boolean().optional(),
    /** Structured output for every request to this backend (a prompt's own wins). */
    response_format: responseFormatSchema.optional(),
    /**
     * Mock mode only: a Jinja template over the intercepted request (`model`, `messages`,
     * `last_message`) that the mocks answer with instead of the echo, in the provider's wire
     * format. Lets a judge or any model give meaningful answers offline.
     */
    mock_reply: z.string().min(1).optional(),
    /** US dollars per million tokens, instead of the price table's figures (README "Cost"). */
    price: priceSchema.optional(),
    /**
     * Live mode, no key for this backend: `skip` its cases (the default outside CI), or `fail`
     * them (the default when CI is set, so a forgotten secret does not turn a job green).
     */
    on_missing_key: z.enum(['skip', 'fail']).optional(),
  })
  .strict();
export type BackendConfig = z.infer<typeof backendConfigSchema>;

export const backendSchema = z
  .object({
    backend_id: id,
    /** Accepted for compatibility with the Python workflow; the provider decides the client. */
    type: z.string().default('litellm'),
    config: backendConfigSchema,
  })
  .strict();
export type BackendSpec = z.infer<typeof backendSchema>;

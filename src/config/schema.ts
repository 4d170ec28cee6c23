// The pipeline schema: the one source of truth for the YAML shape. Every type the rest of
// the code uses for configuration is inferred from these schemas.
import { z } from 'zod';

/** Identifiers end up in directory names and test names: keep them plain. */
export const id = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9._-]+$/, 'use only letters, digits, ".", "_" and "-"');

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

export const promptSchema = z
  .object({
    prompt_id: id,
    renderer: z.literal('jinja').default('jinja'),
    params: z.record(z.string(), z.unknown()).default({}),
    template: z.string().min(1),
  })
  .strict();
export type PromptSpec = z.infer<typeof promptSchema>;

const datasetParamsSchema = z
  .object({ preprocess: z.enum(['piqa', 'none']).default('none') })
  .strict()
  .default({ preprocess: 'none' });

export const jsonlDatasetSchema = z
  .object({
    dataset_id: id,
    loader: z.literal('jsonl'),
    path: z.string().min(1),
    params: datasetParamsSchema,
  })
  .strict();
export type JsonlDatasetSpec = z.infer<typeof jsonlDatasetSchema>;

/** A public dataset on the Hugging Face hub, read through its dataset-viewer API. */
export const hfHubDatasetSchema = z
  .object({
    dataset_id: id,
    loader: z.literal('hf_hub'),
    hub_params: z
      .object({
        /** `owner/name`, or a legacy short name such as `piqa`. */
        hub_id: z.string().min(1),
        split: z.string().min(1),
        /** The subset; found from the split when the dataset has one subset with it. */
        config: z.string().min(1).optional(),
        /** A branch, tag or commit; checked against what the dataset viewer serves. */
        revision: z.string().min(1).optional(),
      })
      .strict(),
    params: datasetParamsSchema,
  })
  .strict();
export type HfHubDatasetSpec = z.infer<typeof hfHubDatasetSchema>;

export const datasetSchema = z.discriminatedUnion('loader', [jsonlDatasetSchema, hfHubDatasetSchema]);
export type DatasetSpec = z.infer<typeof datasetSchema>;

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

export const roleAdapterSchema = z
  .object({
    adapter_id: id,
    role_type: z.literal('dut_model').default('dut_model'),
    backend_id: id,
    prompt_id: id,
  })
  .strict();
export type RoleAdapterSpec = z.infer<typeof roleAdapterSchema>;

export const metricSchema = z
  .object({
    metric_id: id,
    /** test_cpu_burn is for tests and benchmarks only (a deliberately slow scorer). */
    implementation: z.enum(['multi_choice_accuracy', 'test_cpu_burn']),
    params: z.record(z.string(), z.unknown()).default({}),
    /** A sample whose scoring takes longer is cut off and recorded as a scoring sample_error. */
    metric_timeout_ms: z.number().int().positive().optional(),
  })
  .strict();
export type MetricSpec = z.infer<typeof metricSchema>;

const inferenceStepSchema = z
  .object({
    step: z.literal('inference'),
    adapter_id: id.optional(),
    adapter_ids: z.array(id).min(1).optional(),
  })
  .strict()
  .refine((s) => (s.adapter_id === undefined) !== (s.adapter_ids === undefined), {
    message: 'name exactly one of adapter_id or adapter_ids',
  });

const autoEvalStepSchema = z
  .object({
    step: z.literal('auto_eval'),
    /** Metrics to compute; all of the pipeline's metrics when omitted. */
    metric_ids: z.array(id).min(1).optional(),
  })
  .strict();

export const stepSchema = z.discriminatedUnion('step', [inferenceStepSchema, autoEvalStepSchema]);
export type StepSpec = z.infer<typeof stepSchema>;

export const taskSchema = z
  .object({
    task_id: id,
    dataset_id: id,
    steps: z.array(stepSchema).min(1),
    max_samples: z.number().int().positive().optional(),
    concurrency: z.number().int().positive().max(1024).default(4),
    /** metric_id → minimum mean score; a case below it fails. */
    thresholds: z.record(z.string(), z.number()).default({}),
    /** Samples allowed to fail (inference or scoring errors) before the case fails. */
    max_errors: z.number().int().min(0).default(0),
  })
  .strict();
export type TaskSpec = z.infer<typeof taskSchema>;

export const pipelineSchema = z
  .object({
    /** gage/v1alpha1 is the Python workflow's; its files load unchanged (see compat.ts). */
    api_version: z.enum(['evalmatrix/v1', 'gage/v1alpha1']),
    kind: z.literal('PipelineConfig'),
    metadata: z.object({ name: id, description: z.string().optional() }).strict(),
    prompts: z.array(promptSchema).min(1),
    datasets: z.array(datasetSchema).min(1),
    backends: z.array(backendSchema).min(1),
    role_adapters: z.array(roleAdapterSchema).min(1),
    metrics: z.array(metricSchema).min(1),
    tasks: z.array(taskSchema).min(1),
  })
  .strict();
export type PipelineSpec = z.infer<typeof pipelineSchema>;

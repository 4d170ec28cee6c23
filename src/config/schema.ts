// The pipeline schema: the one source of truth for the YAML shape. Every type the rest of
// the code uses for configuration is inferred from these schemas.
import { z } from 'zod';

/** Identifiers end up in directory names and test names: keep them plain. */
const id = z
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

export const datasetSchema = z
  .object({
    dataset_id: id,
    loader: z.literal('jsonl'),
    path: z.string().min(1),
    params: z
      .object({ preprocess: z.enum(['piqa', 'none']).default('none') })
      .strict()
      .default({ preprocess: 'none' }),
  })
  .strict();
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
    implementation: z.enum(['multi_choice_accuracy']),
    params: z.record(z.string(), z.unknown()).default({}),
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
    api_version: z.literal('evalmatrix/v1'),
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

// The whole pipeline file.
import { z } from 'zod';
import { roleAdapterSchema } from './adapter.js';
import { backendSchema } from './backend.js';
import { id } from './common.js';
import { datasetSchema } from './dataset.js';
import { metricSchema } from './metric.js';
import { promptSchema } from './prompt.js';
import { taskSchema } from './task.js';

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

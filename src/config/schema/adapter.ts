// Role adapters pair a backend with a prompt for one role: the model under test (dut_model)
// or a judge that scores its answers (judge_model, named by an llm_judge metric).
import { z } from 'zod';
import { id } from './common.js';

export const ROLE_TYPES = ['dut_model', 'judge_model'] as const;
export type RoleType = (typeof ROLE_TYPES)[number];

export const roleAdapterSchema = z
  .object({
    adapter_id: id,
    role_type: z.enum(ROLE_TYPES).default('dut_model'),
    backend_id: id,
    prompt_id: id,
  })
  .strict();
export type RoleAdapterSpec = z.infer<typeof roleAdapterSchema>;

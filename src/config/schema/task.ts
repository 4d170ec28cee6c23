// Tasks: a dataset, the steps that run over it, and what a passing case must reach.
import { z } from 'zod';
import { id } from './common.js';

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

/** Which aggregate of a metric a threshold applies to: the mean, the pass rate, either end of
 *  the mean's 95% interval over samples, or (with repeats > 1) pass@k, pass^k and the share of
 *  samples whose trials all agree. See runner/stats/ and README "Repeats". */
export const THRESHOLD_ON = ['mean', 'pass_rate', 'ci_low', 'ci_high', 'pass_at_k', 'pass_hat_k', 'trial_agreement'] as const;
export type ThresholdOn = (typeof THRESHOLD_ON)[number];
/** The statistics that exist only when each sample runs more than once. */
export const REPEATS_ONLY: readonly ThresholdOn[] = ['pass_at_k', 'pass_hat_k', 'trial_agreement'];

/** The most trials a sample may run: a typo (500 for 5) would multiply the bill. */
export const MAX_REPEATS = 100;

/** `acc: 0.7` (the mean), or `acc: {min: 0.7, on: pass_rate}`. */
export const thresholdSchema = z.union([
  z.number(),
  z.object({ min: z.number(), on: z.enum(THRESHOLD_ON).default('mean') }).strict(),
]);
export type ThresholdSpec = z.infer<typeof thresholdSchema>;

export const taskSchema = z
  .object({
    task_id: id,
    dataset_id: id,
    steps: z.array(stepSchema).min(1),
    max_samples: z.number().int().positive().optional(),
    concurrency: z.number().int().positive().max(1024).default(4),
    /** Trials per sample: each sample runs this many times (k of pass@k). The bound, MAX_REPEATS,
     *  is a load check with a hint (config/repeat-rules.ts), not a schema limit. */
    repeats: z.number().int().positive().default(1),
    /** metric_id → minimum; a case below it fails. */
    thresholds: z.record(z.string(), thresholdSchema).default({}),
    /** Samples allowed to fail (inference or scoring errors) before the case fails. */
    max_errors: z.number().int().min(0).default(0),
    /** US dollars the case may cost (model and judges, at the prices of README "Cost"): past it
     *  no new sample starts and the case fails. */
    max_cost_usd: z.number().positive().optional(),
  })
  .strict();
export type TaskSpec = z.infer<typeof taskSchema>;

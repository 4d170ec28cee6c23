// summary.json: the per-case result contract (ARTIFACTS.md). The runner fills everything it
// knows; the reporter adds run_id and run_dir, which only it knows, before writing.
import { z } from 'zod';

export const latencyStatsSchema = z.object({
  mean: z.number(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
});
export type LatencyStats = z.infer<typeof latencyStatsSchema>;

/** A metric's statistics over samples (runner/stats/metric-stats.ts; README "Repeats"). */
export const metricStatsSchema = z.object({
  /** Samples with a scored trial, the mean of their per-sample means, its standard error and
   *  95% interval (Student's t, clipped to [0, 1]); both null below two samples. */
  samples: z.number(),
  mean: z.number(),
  stderr: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).nullable(),
  /** With repeats > 1: k (the trials per sample), pass@k and pass^k (metrics with a pass
   *  criterion), and the share of samples whose trials all agree. */
  k: z.number().optional(),
  pass_at_k: z.number().optional(),
  pass_hat_k: z.number().optional(),
  trial_agreement: z.number().optional(),
});

export const metricSummarySchema = z.object({
  metric_id: z.string(),
  aggregation: z.literal('mean'),
  values: z.record(z.string(), z.string()),
  raw_values: z.record(z.string(), z.number()),
  /** Scored trials (samples, when each runs once). */
  count: z.number(),
  stats: metricStatsSchema.optional(),
});
export type MetricSummary = z.infer<typeof metricSummarySchema>;

export const thresholdResultSchema = z.object({
  metric_id: z.string(),
  min: z.number(),
  actual: z.number().nullable(),
  ok: z.boolean(),
  /** The aggregate compared (absent: the mean). */
  on: z.string().optional(),
});
export type ThresholdResult = z.infer<typeof thresholdResultSchema>;

export const backendInfoSchema = z.object({
  backend_id: z.string(),
  provider: z.string(),
  model: z.string(),
  api_base: z.string(),
});

const usageTotalsSchema = z.object({
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  total_tokens: z.number(),
  /** With recordings on: tokens of the answers replayed from recordings, which the counts above
   *  leave out (they are what the run spent). */
  cached_prompt_tokens: z.number().optional(),
  cached_completion_tokens: z.number().optional(),
});
export type UsageTotals = z.infer<typeof usageTotalsSchema>;

/** What a case cost in US dollars, split by role; `prices_as_of` dates the price table used
 *  (README "Cost"). */
export const costUsdSchema = z.object({ total: z.number(), dut: z.number(), judge: z.number(), prices_as_of: z.string() });
export type CostUsd = z.infer<typeof costUsdSchema>;

/** Errors of one kind (runner/error-kinds.ts): how many, and the first one's message. */
export const errorKindSchema = z.object({ kind: z.string(), stage: z.string(), count: z.number(), first_message: z.string() });

/** `interrupted`: SIGINT/SIGTERM or a cancel ended the case early; the summary holds what it had. */
export const caseStatusSchema = z.enum(['passed', 'failed', 'skipped', 'interrupted']);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const summarySchema = z.object({
  run: z.object({
    run_id: z.string(),
    run_dir: z.string(),
    task_id: z.string(),
    model: z.string(),
    timings: z.object({
      started_at: z.string(),
      ended_at: z.string(),
      wall_ms: z.number(),
      latency_ms: latencyStatsSchema,
    }),
    metadata: z.object({
      pipeline: z.string(),
      mode: z.enum(['mock', 'live']),
      backends: z.array(backendInfoSchema),
      /** The judges the case's metrics called: adapter and backend (for pricing judge tokens). */
      judges: z.array(backendInfoSchema.extend({ adapter_id: z.string() })).optional(),
    }),
  }),
  metrics: z.array(metricSummarySchema),
  /** Dataset samples, whatever `repeats` is; error_count is the samples that failed in any trial. */
  sample_count: z.number(),
  error_count: z.number(),
  /** Trials per sample, the trials that ran and those that failed. Absent in older summaries. */
  repeats: z.number().optional(),
  trial_count: z.number().optional(),
  trial_error_count: z.number().optional(),
  /** Every token of the case: the model under test's and its judges'. */
  usage: usageTotalsSchema,
  /** The same split by role: `dut` the model under test, `judge` every judge call. Absent in
   *  summaries written before judges existed. */
  usage_by_role: z.object({ dut: usageTotalsSchema, judge: usageTotalsSchema }).optional(),
  /** With recordings on: inferences answered from a recording (kept out of latency_ms). */
  cached_count: z.number().optional(),
  /** Null when a model that used tokens has no known price (then `cost_unpriced` names it).
   *  Absent for a case that did not run, and in summaries written before costs existed. */
  cost_usd: costUsdSchema.nullable().optional(),
  cost_unpriced: z.array(z.string()).optional(),
  /** The case's errors by kind, most frequent first (at most 20 kinds). */
  errors_by_kind: z.array(errorKindSchema).optional(),
  status: caseStatusSchema,
  thresholds: z.array(thresholdResultSchema),
  /** Why the case failed or was skipped, in words; empty when it passed. */
  reasons: z.array(z.string()).default([]),
});
export type Summary = z.infer<typeof summarySchema>;

/** What the runner hands over: the summary without the run's identity. */
export type CaseSummary = Omit<Summary, 'run'> & {
  run: Omit<Summary['run'], 'run_id' | 'run_dir'>;
};

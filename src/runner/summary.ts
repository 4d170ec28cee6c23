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

export const metricSummarySchema = z.object({
  metric_id: z.string(),
  aggregation: z.literal('mean'),
  values: z.record(z.string(), z.string()),
  raw_values: z.record(z.string(), z.number()),
  count: z.number(),
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
    }),
  }),
  metrics: z.array(metricSummarySchema),
  sample_count: z.number(),
  error_count: z.number(),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number() }),
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

// A metric as the pipeline names it. `implementation` is a built-in or a metric registered
// from TypeScript (defineMetric); it and `params` are checked against the metric's own
// params schema when the pipeline loads (see metrics/checks), so the shape here stays open.
import { z } from 'zod';
import { id } from './common.js';

export const metricSchema = z
  .object({
    metric_id: id,
    implementation: z.string().min(1),
    params: z.record(z.string(), z.unknown()).default({}),
    /** A sample whose scoring takes longer is cut off and recorded as a scoring sample_error. */
    metric_timeout_ms: z.number().int().positive().optional(),
    /** A sample passes when its score is at least this (unless the metric says passed itself);
     *  the summary then adds pass_rate. */
    pass_threshold: z.number().min(0).max(1).optional(),
  })
  .strict();
export type MetricSpec = z.infer<typeof metricSchema>;

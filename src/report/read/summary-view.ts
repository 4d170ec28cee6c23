// summary.json as the report reads it: the summary's own schema, widened where the contract
// grows (statuses such as `interrupted`, aggregations, and the optional additions listed in
// ARTIFACTS.md: usage_by_role, cost_usd, metrics[].stats), so a newer summary is shown rather
// than skipped, and an older one without those fields still reads.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { displayPath } from '../../config/display-path.js';
import { metricSummarySchema, summarySchema } from '../../runner/summary.js';

const roleUsageSchema = z.looseObject({ prompt_tokens: z.number(), completion_tokens: z.number(), total_tokens: z.number().optional() });
const money = z.number().nullable().optional();

export const reportSummarySchema = summarySchema.extend({
  status: z.string(),
  metrics: z.array(
    metricSummarySchema.extend({
      aggregation: z.string(),
      stats: z.looseObject({ stderr: z.number().optional(), ci95: z.tuple([z.number(), z.number()]).optional() }).optional(),
    }),
  ),
  usage: summarySchema.shape.usage.extend({
    cached_prompt_tokens: z.number().optional(),
    cached_completion_tokens: z.number().optional(),
  }),
  usage_by_role: z.record(z.string(), roleUsageSchema).optional(),
  cached_count: z.number().optional(),
  cost_usd: z.looseObject({ total: money, dut: money, judge: money, prices_as_of: z.string().optional() }).nullable().optional(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** Reads one summary.json; a file that is not one comes back as a problem naming it. */
export function readReportSummary(file: string): { summary: ReportSummary } | { problem: string } {
  try {
    return { summary: reportSummarySchema.parse(JSON.parse(readFileSync(file, 'utf8'))) };
  } catch (error) {
    const why =
      error instanceof SyntaxError
        ? `invalid JSON (${error.message})`
        : error instanceof z.ZodError
          ? `not a summary.json of this format (${error.issues.slice(0, 2).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')})`
          : `unreadable (${(error as Error).message})`;
    return { problem: `${displayPath(file)}: skipped, ${why}` };
  }
}

/** The headline figure of a metric: its first raw value (the mean as written). */
export function metricMean(m: ReportSummary['metrics'][number]): number | null {
  const first = Object.values(m.raw_values)[0];
  return first === undefined || m.count === 0 ? null : first;
}

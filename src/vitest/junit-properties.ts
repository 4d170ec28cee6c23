// Each case's results as test annotations, which Vitest's JUnit reporter writes as the test
// case's <property name=… value=…> (and its verbose reporter prints): CI tools that read JUnit
// XML see each case's metrics, counts and cost without reading summary.json.
import type { TestContext } from 'vitest';
import type { CaseSummary } from '../runner/summary.js';

/** `[name, value]` pairs: every metric value, the counts and the cost. Few on purpose: Vitest's
 *  default reporter prints them under a failed case too (the status is JUnit's own). */
export function caseProperties(summary: CaseSummary): [string, string][] {
  const props: [string, string][] = [];
  for (const m of summary.metrics) {
    for (const [key, value] of Object.entries(m.values)) props.push([`evalmatrix.${m.metric_id}.${key}`, m.count === 0 ? 'none scored' : value]);
  }
  props.push(['evalmatrix.samples', String(summary.sample_count)], ['evalmatrix.errors', String(summary.error_count)]);
  if (summary.cost_usd !== undefined) props.push(['evalmatrix.cost_usd', summary.cost_usd === null ? 'unknown' : String(summary.cost_usd.total)]);
  return props;
}

export async function annotateCase(ctx: Pick<TestContext, 'annotate'>, summary: CaseSummary): Promise<void> {
  for (const [name, value] of caseProperties(summary)) await ctx.annotate(value, name);
}

// What the end-of-run table cannot say in a cell, printed under it: why each case that did not
// pass did not (a skip for a missing key, a failure, an interruption), and — once for the whole
// run, however many cases it concerns — which models had no known price.
import { counted } from '../config/plural.js';
import type { Summary } from '../runner/summary.js';
import { byCase, runTable } from './table.js';

const REASON_CHARS = 240;

/** `  mini_task › be_openai skipped: openai: no API key; set OPENAI_API_KEY …` for every case
 *  that did not pass: its first reason, first line. */
export function whyLines(summaries: readonly Summary[]): string[] {
  const pipelines = new Set(summaries.map((s) => s.run.metadata.pipeline)).size;
  return [...summaries]
    .sort(byCase)
    .filter((s) => s.status !== 'passed' && s.reasons.length > 0)
    .map((s) => {
      const name = `${pipelines > 1 ? `${s.run.metadata.pipeline}: ` : ''}${s.run.task_id} › ${s.run.model}`;
      const first = s.reasons[0]!.split('\n')[0]!;
      const more = s.reasons.length > 1 || s.reasons[0]!.includes('\n') ? ' (more in its summary.json)' : '';
      return `  ${name} ${s.status}: ${first.length > REASON_CHARS ? `${first.slice(0, REASON_CHARS - 1)}…` : first}${more}`;
    });
}

/** One line naming every model without a known price, or none. */
export function unpricedLine(summaries: readonly Summary[]): string | undefined {
  const cases = summaries.filter((s) => s.cost_usd === null);
  const models = [...new Set(cases.flatMap((s) => s.cost_unpriced ?? []))].sort();
  if (cases.length === 0) return undefined;
  return `evalmatrix: no known price for ${models.join('; ') || 'a model'}, so ${counted(cases.length, 'case')} ${cases.length === 1 ? 'has' : 'have'} no cost (cost_usd null); give ${models.length === 1 ? 'its backend' : 'their backends'} a price: (README "Cost")`;
}

/** What the reporter prints when a run ends: the table with the why-lines under it (unless the
 *  table is off), and the unpriced models, once. */
export function endOfRunText(summaries: readonly Summary[], withTable: boolean): string[] {
  const out: string[] = [];
  if (withTable && summaries.length > 0) out.push(['', runTable(summaries), ...whyLines(summaries), ''].join('\n'));
  const unpriced = unpricedLine(summaries);
  if (unpriced) out.push(unpriced);
  return out;
}

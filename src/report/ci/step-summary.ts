// A run as Markdown for a CI job's summary page (GitHub's GITHUB_STEP_SUMMARY): the task × model
// matrix, then each case that did not pass with why — its reasons, with its most frequent errors
// — and the comparison with the baseline when there is one. Read from summary.json files only.
import { counted } from '../../config/plural.js';
import { usd } from '../../config/usd.js';
import type { RunComparison } from '../compare/compare-runs.js';
import { renderComparisonMarkdown, cell, table } from '../compare/render-markdown.js';
import { metricMean, type ReportSummary } from '../read/summary-view.js';

export interface StepSummaryInput {
  pipeline: string;
  run_id: string;
  summaries: readonly ReportSummary[];
  comparison: RunComparison | null;
  /** What could not be read, with paths. */
  problems: readonly string[];
}

/** Cases listed under "Did not pass" at most; the rest are counted. GitHub takes 1 MiB a step. */
const MAX_LISTED = 50;
const STATUS_MARK: Readonly<Record<string, string>> = { passed: '✅', failed: '❌', skipped: '⏭️', interrupted: '⚠️' };

function headline(s: ReportSummary): string {
  const m = s.metrics[0];
  if (m === undefined) return '';
  const mean = metricMean(m);
  return ` ${m.metric_id} ${mean === null ? '—' : mean.toFixed(3)}${s.metrics.length > 1 ? ` (+${s.metrics.length - 1})` : ''}`;
}

function matrix(summaries: readonly ReportSummary[]): string[] {
  const models = [...new Set(summaries.map((s) => s.run.model))].sort();
  const tasks = [...new Set(summaries.map((s) => s.run.task_id))].sort();
  const rows = tasks.map((task) => [
    task,
    ...models.map((model) => {
      const s = summaries.find((x) => x.run.task_id === task && x.run.model === model);
      return s ? `${STATUS_MARK[s.status] ?? s.status}${headline(s)}` : '';
    }),
  ]);
  return table(['task \\ model', ...models], rows);
}

function totals(summaries: readonly ReportSummary[]): string {
  const statuses = [...new Set(['passed', 'failed', 'skipped', 'interrupted', ...summaries.map((s) => s.status)])];
  const parts = statuses.flatMap((status) => {
    const n = summaries.filter((s) => s.status === status).length;
    return n === 0 ? [] : [`${n} ${status}`];
  }).join(', ');
  const costs = summaries.map((s) => s.cost_usd);
  const known = costs.filter((c): c is NonNullable<typeof c> => c !== null && c !== undefined && typeof c.total === 'number');
  const cost = known.length === 0 ? '' : ` · cost ${usd(known.reduce((sum, c) => sum + (c.total ?? 0), 0))}${known.length < costs.length ? ` (${counted(costs.length - known.length, 'case')} without a known price not included)` : ''}`;
  return `${counted(summaries.length, 'case')}: ${parts}${cost}`;
}

function notPassed(summaries: readonly ReportSummary[]): string[] {
  const cases = summaries.filter((s) => s.status !== 'passed');
  if (cases.length === 0) return [];
  const out = ['### Did not pass', ''];
  for (const s of cases.slice(0, MAX_LISTED)) {
    out.push(`- **${cell(`${s.run.task_id} › ${s.run.model}`)}** ${s.status}`);
    // A reason's further lines (its errors by kind) become bullets under it.
    for (const reason of s.reasons) {
      const [first, ...more] = reason.split('\n');
      out.push(`  - ${cell(first!)}`, ...more.map((line) => `    - ${cell(line.trim())}`));
    }
  }
  if (cases.length > MAX_LISTED) out.push(`- … and ${counted(cases.length - MAX_LISTED, 'more case')} (see summary.index.json)`);
  return [...out, ''];
}

export function stepSummaryMarkdown(input: StepSummaryInput): string {
  const summaries = [...input.summaries].sort((a, b) => a.run.model.localeCompare(b.run.model) || a.run.task_id.localeCompare(b.run.task_id));
  const out = [`## evalmatrix: ${cell(input.pipeline)}, run \`${input.run_id}\``, '', totals(summaries), ''];
  if (summaries.length > 0) out.push(...matrix(summaries), '');
  out.push(...notPassed(summaries));
  if (input.problems.length > 0) out.push('<details><summary>Files that could not be read</summary>', '', ...input.problems.map((p) => `- ${cell(p)}`), '', '</details>', '');
  if (input.comparison) out.push(renderComparisonMarkdown(input.comparison));
  return out.join('\n').trimEnd() + '\n\n';
}

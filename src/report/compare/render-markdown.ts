// The comparison as Markdown, for a pull-request comment or a CI job summary.
import type { RunComparison } from './compare-runs.js';
import { allNotes, COST_COLUMNS, costRows, idList, METRIC_COLUMNS, metricRows, verdictLine } from './format.js';

const FLIPS_SHOWN = 50;

/** Table cells hold user text (sample ids, metric names): no pipe, tag or newline may break out. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

export function renderComparisonMarkdown(cmp: RunComparison): string {
  const regressed = cmp.regressions > 0;
  const out: string[] = [
    `### evalmatrix: ${cell(cmp.pipeline)}, \`${cmp.current.run_id}\` against \`${cmp.baseline.run_id}\``,
    '',
    `${regressed ? '**' : ''}${verdictLine(cmp)}${regressed ? '**' : ''}`,
    '',
  ];
  if (cmp.cases.length > 0) out.push(...table(METRIC_COLUMNS, metricRows(cmp)), '');
  const flips = cmp.cases.flatMap((c) =>
    c.metrics
      .filter((m) => m.to_fail.length + m.to_pass.length > 0)
      .map((m) => `- ${cell(c.case)} · ${cell(m.metric_id)}: pass→fail (${m.to_fail.length}) ${cell(idList(m.to_fail, FLIPS_SHOWN))}; fail→pass (${m.to_pass.length}) ${cell(idList(m.to_pass, FLIPS_SHOWN))}`),
  );
  if (flips.length > 0) out.push('<details><summary>Flipped samples</summary>', '', ...flips, '', '</details>', '');
  if (cmp.cases.length > 0) out.push(...table(COST_COLUMNS, costRows(cmp)), '');
  const notes = allNotes(cmp);
  if (notes.length > 0) out.push(...notes.map((n) => `- ${cell(n)}`), '');
  return out.join('\n').trimEnd() + '\n';
}

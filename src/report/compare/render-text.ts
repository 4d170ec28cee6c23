// The comparison as the terminal shows it: the metric table, the flipped samples, latency,
// errors and cost, the notes, and one line that says whether anything significantly dropped.
import { displayPath } from '../../config/display-path.js';
import { renderTable } from '../../reporter/table.js';
import type { RunComparison } from './compare-runs.js';
import { allNotes, COST_COLUMNS, costRows, idList, METRIC_COLUMNS, metricRows, verdictLine } from './format.js';

const FLIPS_SHOWN = 20;

export function renderComparisonText(cmp: RunComparison): string {
  const out: string[] = [
    `evalmatrix compare: ${cmp.pipeline}`,
    `  baseline ${cmp.baseline.run_id}  (${displayPath(cmp.baseline.root)})`,
    `  current  ${cmp.current.run_id}  (${displayPath(cmp.current.root)})`,
    '',
  ];
  if (cmp.cases.length > 0) out.push(renderTable(metricRows(cmp), METRIC_COLUMNS), '');
  const flips = cmp.cases.flatMap((c) =>
    c.metrics
      .filter((m) => m.to_fail.length + m.to_pass.length > 0)
      .map((m) => `  ${c.case}  ${m.metric_id}\n    pass→fail (${m.to_fail.length}): ${idList(m.to_fail, FLIPS_SHOWN)}\n    fail→pass (${m.to_pass.length}): ${idList(m.to_pass, FLIPS_SHOWN)}`),
  );
  if (flips.length > 0) out.push('Flipped samples', ...flips, '');
  if (cmp.cases.length > 0) out.push(renderTable(costRows(cmp), COST_COLUMNS), '');
  const notes = allNotes(cmp);
  if (notes.length > 0) out.push('Notes', ...notes.map((n) => `  - ${n}`), '');
  out.push(verdictLine(cmp));
  return out.join('\n');
}

// The console table printed at the end of each run.
import type { MetricSummary, Summary } from '../runner/summary.js';

export const TABLE_COLUMNS = ['model', 'task', 'samples', 'metric', 'errors', 'p50 latency', 'status'] as const;

/** With recordings on, a `cached` column after `samples`: answers replayed, not paid for. */
export function tableColumns(summaries: readonly Summary[]): string[] {
  const columns: string[] = [...TABLE_COLUMNS];
  if (summaries.some((s) => s.cached_count !== undefined)) columns.splice(3, 0, 'cached');
  return columns;
}

/** `piqa_acc=0.50000 other=1.00000`, as the summary formats its values. */
export function metricCell(metrics: readonly MetricSummary[]): string {
  return metrics.map((m) => `${m.metric_id}=${Object.values(m.values)[0] ?? '-'}`).join(' ') || '-';
}

/** `withCached`: the table has the `cached` column (tableColumns). */
export function summaryRow(s: Summary, withCached = false): string[] {
  return [
    s.run.model,
    s.run.task_id,
    String(s.sample_count),
    ...(withCached ? [s.cached_count === undefined ? '-' : String(s.cached_count)] : []),
    metricCell(s.metrics),
    String(s.error_count),
    latencyCell(s),
    s.status,
  ];
}

/** Replayed answers have no latency: a case whose every answer was replayed measured none. */
function latencyCell(s: Summary): string {
  const { p50, mean } = s.run.timings.latency_ms;
  if ((s.cached_count ?? 0) > 0 && mean === 0) return '- (replayed)';
  return `${Math.round(p50)} ms`;
}

/** Rows in a stable order (model, then task), whatever order the cases finished in. */
export function byModelAndTask(a: readonly string[], b: readonly string[]): number {
  return (a[0] ?? '').localeCompare(b[0] ?? '') || (a[1] ?? '').localeCompare(b[1] ?? '');
}

export function renderTable(rows: readonly (readonly string[])[], header: readonly string[] = TABLE_COLUMNS): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The end-of-run table of these summaries: the columns they need, rows in a stable order. */
export function summariesTable(summaries: readonly Summary[]): string {
  const columns = tableColumns(summaries);
  const rows = summaries.map((summary) => summaryRow(summary, columns.includes('cached'))).sort(byModelAndTask);
  return renderTable(rows, columns);
}

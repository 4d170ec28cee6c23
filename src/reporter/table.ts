// The console table printed at the end of each run.
import type { MetricSummary, Summary } from '../runner/summary.js';

export const TABLE_COLUMNS = ['model', 'task', 'samples', 'metric', 'errors', 'p50 latency', 'status'] as const;

/** `piqa_acc=0.50000 other=1.00000`, as the summary formats its values. */
export function metricCell(metrics: readonly MetricSummary[]): string {
  return metrics.map((m) => `${m.metric_id}=${Object.values(m.values)[0] ?? '-'}`).join(' ') || '-';
}

export function summaryRow(s: Summary): string[] {
  return [
    s.run.model,
    s.run.task_id,
    String(s.sample_count),
    metricCell(s.metrics),
    String(s.error_count),
    `${Math.round(s.run.timings.latency_ms.p50)} ms`,
    s.status,
  ];
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

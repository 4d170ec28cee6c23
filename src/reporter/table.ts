// The console table printed at the end of each run.
import type { Summary } from '../runner/summary.js';

export const TABLE_COLUMNS = ['model', 'task', 'samples', 'metric', 'errors', 'p50 latency', 'status'] as const;

export function summaryRow(s: Summary): string[] {
  const metric = s.metrics.map((m) => `${m.metric_id}=${Object.values(m.values)[0] ?? '-'}`).join(' ') || '-';
  return [
    s.run.model,
    s.run.task_id,
    String(s.sample_count),
    metric,
    String(s.error_count),
    `${Math.round(s.run.timings.latency_ms.p50)} ms`,
    s.status,
  ];
}

export function renderTable(rows: readonly (readonly string[])[], header: readonly string[] = TABLE_COLUMNS): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

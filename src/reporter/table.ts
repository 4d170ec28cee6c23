// The console table printed at the end of each run: one row per case, in a stable order.
import { usd } from '../config/usd.js';
import type { MetricSummary, Summary } from '../runner/summary.js';

export const TABLE_COLUMNS = ['model', 'task', 'samples', 'metric', 'errors', 'p50 latency', 'status'] as const;

/** `piqa_acc=0.50000 other=1.00000`, as the summary formats its values; `—` for a metric no
 *  sample was scored by (its 0.00000 would read as a score). */
export function metricCell(metrics: readonly MetricSummary[]): string {
  return metrics.map((m) => `${m.metric_id}=${m.count === 0 ? '—' : (Object.values(m.values)[0] ?? '-')}`).join(' ') || '-';
}

/** `$0.000912`; `unknown` when a model had no known price; `-` for a case that did not run. */
export function costCell(s: Pick<Summary, 'cost_usd'>): string {
  if (s.cost_usd === undefined) return '-';
  return s.cost_usd === null ? 'unknown' : usd(s.cost_usd.total);
}

const CELLS: Readonly<Record<string, (s: Summary) => string>> = {
  pipeline: (s) => s.run.metadata.pipeline,
  model: (s) => s.run.model,
  task: (s) => s.run.task_id,
  samples: (s) => String(s.sample_count),
  cached: (s) => (s.cached_count === undefined ? '-' : String(s.cached_count)),
  metric: (s) => metricCell(s.metrics),
  errors: (s) => String(s.error_count),
  'p50 latency': latencyCell,
  cost: costCell,
  status: (s) => s.status,
};

/** The default columns, with `pipeline` first when the run touched more than one pipeline,
 *  `cached` after `samples` with recordings on (answers replayed, not paid for) and `cost`
 *  before `status` when any case knows its cost. */
export function tableColumns(summaries: readonly Summary[]): string[] {
  const columns: string[] = [...TABLE_COLUMNS];
  if (summaries.some((s) => s.cached_count !== undefined)) columns.splice(columns.indexOf('samples') + 1, 0, 'cached');
  if (summaries.some((s) => s.cost_usd !== undefined)) columns.splice(columns.indexOf('status'), 0, 'cost');
  if (new Set(summaries.map((s) => s.run.metadata.pipeline)).size > 1) columns.unshift('pipeline');
  return columns;
}

export function summaryRow(s: Summary, columns: readonly string[] = TABLE_COLUMNS): string[] {
  return columns.map((column) => CELLS[column]?.(s) ?? '-');
}

/** A case every answer of which was replayed has no latency of its own: not 0 ms. */
function latencyCell(s: Summary): string {
  const { p50, mean } = s.run.timings.latency_ms;
  if ((s.cached_count ?? 0) > 0 && mean === 0) return '- (replayed)';
  return `${Math.round(p50)} ms`;
}

/** Pipeline, model, task: the order of the run's table. */
export function byCase(a: Summary, b: Summary): number {
  return a.run.metadata.pipeline.localeCompare(b.run.metadata.pipeline) || a.run.model.localeCompare(b.run.model) || a.run.task_id.localeCompare(b.run.task_id);
}

/** The run's table: its columns (tableColumns) and a row per case, ordered by byCase. */
export function runTable(summaries: readonly Summary[]): string {
  const columns = tableColumns(summaries);
  return renderTable([...summaries].sort(byCase).map((s) => summaryRow(s, columns)), columns);
}

export function renderTable(rows: readonly (readonly string[])[], header: readonly string[] = TABLE_COLUMNS): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

// How a comparison's figures are written, the same in the terminal, Markdown and the HTML page.
import type { MetricDelta } from './metric-delta.js';
import type { CaseComparison, RunComparison } from './compare-runs.js';

export const num = (x: number | null | undefined, digits = 3): string => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));

export const signed = (x: number | null | undefined, digits = 3): string =>
  x === null || x === undefined || Number.isNaN(x) ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(digits)}`;

export function testCell(m: MetricDelta): string {
  if (m.test === 'mcnemar') return `McNemar p=${m.p_value!.toFixed(4)} (${m.to_fail.length} pass→fail, ${m.to_pass.length} fail→pass)`;
  if (m.test === 'bootstrap') return `bootstrap 95% CI [${signed(m.ci95![0])}, ${signed(m.ci95![1])}]`;
  return 'not tested';
}

/** One row per compared metric: case, metric, measure, baseline, current, delta, paired, test, verdict. */
export const METRIC_COLUMNS = ['case', 'metric', 'measure', 'baseline', 'current', 'delta', 'paired', 'test', 'verdict'];

export function metricRows(cmp: RunComparison): string[][] {
  return cmp.cases.flatMap((c) =>
    c.metrics.map((m) => [c.case, m.metric_id, m.measure, num(m.baseline), num(m.current), signed(m.delta), String(m.paired), testCell(m), m.verdict]),
  );
}

export const COST_COLUMNS = ['case', 'p50 ms', 'p95 ms', 'errors', 'cost USD'];

const arrow = (p: { baseline: number; current: number } | null, digits: number): string =>
  p ? `${p.baseline.toFixed(digits)} → ${p.current.toFixed(digits)} (${signed(p.current - p.baseline, digits)})` : '—';

export function costRows(cmp: RunComparison): string[][] {
  return cmp.cases.map((c: CaseComparison) => [
    c.case,
    arrow(c.latency_ms && { baseline: c.latency_ms.baseline.p50, current: c.latency_ms.current.p50 }, 1),
    arrow(c.latency_ms && { baseline: c.latency_ms.baseline.p95, current: c.latency_ms.current.p95 }, 1),
    arrow(c.errors, 0),
    arrow(c.cost_usd, 4),
  ]);
}

/** `id1, id2, … (n more)`: flipped sample lists stay readable however many flipped. */
export function idList(ids: readonly string[], max: number): string {
  if (ids.length === 0) return '—';
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown}, … (${ids.length - max} more)` : shown;
}

export function verdictLine(cmp: RunComparison): string {
  const plural = (n: number, word: string): string => `${n} significant ${word}${n === 1 ? '' : 's'}`;
  return `${plural(cmp.regressions, 'regression')}, ${plural(cmp.improvements, 'improvement')} (paired tests, alpha ${cmp.alpha})`;
}

/** Every case's notes, prefixed with the case, then the run-level notes. */
export function allNotes(cmp: RunComparison): string[] {
  return [...cmp.notes, ...cmp.cases.flatMap((c) => c.notes.map((n) => `${c.case}: ${n}`))];
}

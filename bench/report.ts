// The stdout report: a table of every figure against its target, and for the quick run the
// one-line summary CI logs can grep.
import { renderTable } from '../src/reporter/table.js';
import type { Results } from './results.js';
import type { TargetCheck } from './targets.js';

const STATUS = (ok: boolean | null): string => (ok === null ? 'reported' : ok ? 'met' : 'MISSED');

export function renderReport(r: Results, checks: readonly TargetCheck[]): string {
  const o = r.overhead;
  const lines = [
    `evalmatrix bench (${r.mode}) — ${r.machine.cpus} cores, node ${r.machine.node}, load ${r.machine.load_avg.start} → ${r.machine.load_avg.end}, ${r.duration_s} s`,
    `overhead, ${o.providers} providers × [${o.sizes.join(', ')}] samples, concurrency ${o.concurrency}, medians of ${o.repetitions}:`,
    `  evalmatrix ${o.sizes.map((n) => `${o.median_s.evalmatrix[n]} s`).join(' / ')}  (${o.per_sample_ms.evalmatrix} ms per sample, fixed ${o.fixed_s.evalmatrix} s)`,
    `  baseline   ${o.sizes.map((n) => `${o.median_s.baseline[n]} s`).join(' / ')}  (${o.per_sample_ms.baseline} ms per sample, fixed ${o.fixed_s.baseline} s)`,
    ...(o.cpu ? [`  CPU time: ${o.cpu.per_sample_ms.evalmatrix} vs ${o.cpu.per_sample_ms.baseline} ms per sample, fixed ${o.cpu.fixed_s.evalmatrix} vs ${o.cpu.fixed_s.baseline} s`] : []),
    `  marginal ratio by repetition: ${o.per_repetition.marginal_ratio.join(', ')} (the target figure is their median)`,
    ...liveLines(r),
    '',
    renderTable(checks.map((c) => [c.figure, c.value, c.target, STATUS(c.ok)]), ['figure', 'value', 'target', 'status']),
  ];
  return lines.join('\n');
}

function liveLines(r: Results): string[] {
  const l = r.live;
  const cpu = l.cpu;
  return [
    `live, ${l.models} OpenAI models over HTTP × [${l.sizes.join(', ')}] samples, concurrency ${l.concurrency} shared, medians of ${l.repetitions}:`,
    `  evalmatrix ${l.sizes.map((n) => `${l.median_s.evalmatrix[n]} s`).join(' / ')}  (${l.per_sample_ms.evalmatrix} ms per sample, fixed ${l.fixed_s.evalmatrix} s, peak RSS ${l.peak_rss_mb.evalmatrix} MB)`,
    `  raw SDK    ${l.sizes.map((n) => `${l.median_s.baseline[n]} s`).join(' / ')}  (${l.per_sample_ms.baseline} ms per sample, fixed ${l.fixed_s.baseline} s, peak RSS ${l.peak_rss_mb.baseline} MB)`,
    ...(cpu ? [`  CPU time: ${cpu.per_sample_ms.evalmatrix} vs ${cpu.per_sample_ms.baseline} ms per sample, fixed ${cpu.fixed_s.evalmatrix} vs ${cpu.fixed_s.baseline} s; CPU/wall ${l.cpu_per_wall.evalmatrix} vs ${l.cpu_per_wall.baseline}`] : []),
    `  marginal ratio by repetition: ${l.per_repetition.marginal_ratio.join(', ')}; start-up difference: ${l.per_repetition.startup_s.join(', ')} s`,
    `  spawn to first request ${l.to_first_request_s.evalmatrix} vs ${l.to_first_request_s.baseline} s; last answer to exit ${l.after_last_answer_s.evalmatrix} vs ${l.after_last_answer_s.baseline} s`,
  ];
}

/** The last line of the quick run: the mock-mode ratio, then the live scenario's ratio,
 *  start-up difference and the evalmatrix tree's peak RSS. */
export function summaryLine(r: Results): string {
  const l = r.live;
  return `marginal_ratio=${r.overhead.marginal_ratio.toFixed(2)} live_ratio=${l.marginal_ratio.toFixed(2)} startup_s=${l.startup_s.toFixed(1)} peak_rss_mb=${l.peak_rss_mb.evalmatrix ?? '-'}`;
}

// The targets, checked against one run's results. A target is never relaxed here: a
// miss is reported as a miss, with the figure beside it.
import { median } from './stats.js';
import type { Results } from './results.js';

export interface TargetCheck {
  figure: string;
  target: string;
  value: string;
  /** null: reported only, or not measured in this mode. */
  ok: boolean | null;
}

const fmt = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? '-' : x.toFixed(digits));
const vsBaseline = (x: { evalmatrix: number; baseline: number }): string => `${fmt(x.evalmatrix)} (baseline ${fmt(x.baseline)})`;

export function checkTargets(r: Results): TargetCheck[] {
  const scaleLargest = r.scale.runs.at(-1)!;
  const full = r.scale.runs.length > 1;
  return [
    { figure: 'marginal ratio (per-sample cost vs baseline)', target: '≤ 1.15', value: fmt(r.overhead.marginal_ratio, 3), ok: r.overhead.marginal_ratio <= 1.15 },
    { figure: 'fixed start-up cost over the baseline', target: '≤ 1.5 s', value: `${fmt(r.overhead.startup_s)} s`, ok: r.overhead.startup_s <= 1.5 },
    { figure: '  the same two on CPU time (steadier under load)', target: '-', value: r.overhead.cpu ? `${fmt(r.overhead.cpu.marginal_ratio, 3)}, ${fmt(r.overhead.cpu.startup_s)} s` : '-', ok: null },
    {
      figure: '  the same two from per-size medians',
      target: '-',
      value: `${fmt(r.overhead.from_medians.marginal_ratio, 3)}, ${fmt(r.overhead.from_medians.startup_s)} s`,
      ok: null,
    },
    ...liveRows(r),
    {
      figure: `latency ${r.latency.latency_ms} ms, ${r.latency.all_providers.providers} providers: achieved / ideal`,
      target: '≥ 0.90',
      value: vsBaseline(r.latency.all_providers.achieved_over_ideal),
      ok: r.latency.all_providers.achieved_over_ideal.evalmatrix >= 0.9,
    },
    { figure: '  the same, one provider alone', target: '-', value: vsBaseline(r.latency.one_provider.achieved_over_ideal), ok: null },
    { figure: "  the same 5, split over 2 eval files (part: '1/2', '2/2'), 2 workers", target: '-', value: vsBaseline(r.latency.split_in_two.achieved_over_ideal), ok: null },
    {
      figure: `peak RSS, ${scaleLargest.samples.toLocaleString('en-US')} samples`,
      target: full ? '≤ 300 MB' : '≤ 300 MB (at 100,000)',
      value: `${scaleLargest.peak_rss_mb ?? '-'} MB`,
      ok: full ? (scaleLargest.peak_rss_mb ?? Infinity) <= 300 : null,
    },
    {
      figure: '  opt-in: threads pool',
      target: '-',
      value: `${r.scale.threads_pool.peak_rss_mb ?? '-'} MB, CPU ${fmt(r.scale.threads_pool.cpu_s, 1)} s vs ${fmt(r.scale.threads_pool.default_cpu_s, 1)} s`,
      ok: null,
    },
    {
      figure: "  V8's own heap pacing (EVALMATRIX_HEAP_GROWING_PERCENT=0)",
      target: '-',
      value: `${r.scale.v8_pacing.peak_rss_mb ?? '-'} MB, CPU ${fmt(r.scale.v8_pacing.cpu_s, 1)} s vs ${fmt(r.scale.v8_pacing.default_cpu_s, 1)} s`,
      ok: null,
    },
    { figure: 'peak RSS 100k / 10k', target: '≤ 1.5', value: fmt(r.scale.rss_ratio), ok: r.scale.rss_ratio === null ? null : r.scale.rss_ratio <= 1.5 },
    { figure: 'time 100k / time 10k', target: '≤ 11', value: fmt(r.scale.time_ratio), ok: r.scale.time_ratio === null ? null : r.scale.time_ratio <= 11 },
    {
      figure: 'event-loop lag p99, CPU-heavy metric, pool on',
      target: '≤ 20 ms',
      value: `${fmt(r.lag.pool_on.lag_ms.p99, 1)} ms (off: ${fmt(r.lag.pool_off.lag_ms.p99, 1)} ms)`,
      ok: r.lag.pool_on.lag_ms.p99 <= 20,
    },
    { figure: `watch rerun, ${r.watch.samples.toLocaleString('en-US')} samples`, target: 'reported', value: `${fmt(r.watch.median_s)} s`, ok: null },
    {
      figure: `faults, ${r.faults.providers} × ${r.faults.samples_per_case}, hanging requests at a ${r.faults.timeout_s} s timeout`,
      target: `≤ 3 × without + 2 × timeout (${fmt(r.faults.bound_s, 1)} s)`,
      value: `${fmt(median(r.faults.with_timeout_s), 1)} s vs ${fmt(median(r.faults.without_timeout_s), 1)} s without (× ${fmt(r.faults.ratio)})`,
      ok: r.faults.within_bound,
    },
    ...recordingsWatchRows(r),
  ];
}

function liveRows(r: Results): TargetCheck[] {
  const l = r.live;
  const large = l.sizes[1].toLocaleString('en-US');
  return [
    { figure: 'live: marginal ratio vs a raw openai SDK loop', target: '≤ 1.15', value: fmt(l.marginal_ratio, 3), ok: l.marginal_ratio <= 1.15 },
    { figure: 'live: start-up over the raw loop', target: '≤ 1.4 s', value: `${fmt(l.startup_s)} s`, ok: l.startup_s <= 1.4 },
    { figure: '  the same two on CPU time', target: '-', value: l.cpu ? `${fmt(l.cpu.marginal_ratio, 3)}, ${fmt(l.cpu.startup_s)} s` : '-', ok: null },
    {
      figure: `live: peak RSS, whole tree, ${l.models} × ${large}`,
      target: '≤ 250 MB',
      value: `${l.peak_rss_mb.evalmatrix ?? '-'} MB (raw ${l.peak_rss_mb.baseline ?? '-'} MB)`,
      ok: l.peak_rss_mb.evalmatrix === null ? null : l.peak_rss_mb.evalmatrix <= 250,
    },
  ];
}

function recordingsWatchRows(r: Results): TargetCheck[] {
  const w = r.recordings_watch;
  const side = (s: { rerun_requests: number; rerun_s: number }): string => `${s.rerun_requests} requests, ${fmt(s.rerun_s)} s`;
  const edited = w.samples / w.prompts;
  return [
    {
      figure: `live watch rerun after a one-prompt edit, ${w.samples.toLocaleString('en-US')} samples over ${w.prompts} prompts, ${w.latency_ms} ms answers: recordings off`,
      target: 'reported',
      value: side(w.off),
      ok: null,
    },
    { figure: '  recordings on (auto): only the edited prompt is called', target: `${edited} requests`, value: side(w.auto), ok: w.auto.rerun_requests === edited },
  ];
}

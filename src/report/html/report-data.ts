// What the page shows, as data: the run's cases (summary figures, latency histogram, status
// counts) and, per case, the embedded samples within the size cap. The page's script renders
// it; nothing here is HTML.
import path from 'node:path';
import { displayPath } from '../../config/display-path.js';
import type { RunComparison } from '../compare/compare-runs.js';
import { EVENTS_FILE } from '../read/case-folders.js';
import { pickSamples, sampleStatus, type SampleStatus } from '../read/outcome.js';
import { readSampleRecords } from '../read/sample-records.js';
import type { CaseScan } from '../read/scan-case.js';
import { caseLabel, type ScannedCase, type ScannedRun } from '../read/scan-run.js';
import { metricMean, type ReportSummary } from '../read/summary-view.js';
import { histogram, sharedEdges } from '../stats/histogram.js';
import { mean, quantile } from '../stats/quantile.js';
import type { ReportLimits } from './limits.js';

const LATENCY_BINS = 24;
/** Flipped sample ids embedded per metric and direction; the counts are always whole. */
const FLIPS_EMBEDDED = 200;

export interface CaseMetric {
  metric_id: string;
  mean: number | null;
  count: number;
  ci95: [number, number] | null;
}

export interface ReportCase {
  index: number;
  label: string;
  model: string;
  task_id: string;
  dir: string;
  events_href: string | null;
  status: string;
  summary: ReportSummary | null;
  metrics: CaseMetric[];
  latency_ms: { mean: number; p50: number; p95: number; p99: number } | null;
  latency_counts: number[];
  status_counts: Record<SampleStatus, number>;
  sample_total: number;
  samples_embedded: number;
  case_errors: { stage: string; error_type: string; message: string }[];
}

export interface ReportData {
  pipeline: string;
  run_id: string;
  root: string;
  generated_at: string;
  limits: ReportLimits;
  problems: string[];
  latency_edges: number[];
  cases: ReportCase[];
  comparison: (RunComparison & { flips_embedded: number }) | null;
  comparison_note: string | null;
}

function caseMetrics(c: ScannedCase): CaseMetric[] {
  if (c.summary) {
    return c.summary.metrics.map((m) => ({ metric_id: m.metric_id, mean: metricMean(m), count: m.count, ci95: m.stats?.ci95 ?? null }));
  }
  return (c.scan?.metricIds ?? []).map((metric_id) => {
    const scores = [...c.scan!.outcomes.values()].flatMap((o) => o.metrics.get(metric_id)?.score ?? []);
    return { metric_id, mean: scores.length === 0 ? null : mean(scores), count: scores.length, ci95: null };
  });
}

function latencyOf(c: ScannedCase): ReportCase['latency_ms'] {
  if (c.summary) return c.summary.run.timings.latency_ms;
  const l = c.scan?.latencies ?? [];
  return l.length === 0 ? null : { mean: mean(l), p50: quantile(l, 0.5), p95: quantile(l, 0.95), p99: quantile(l, 0.99) };
}

/** The summary's status; without one, what the events say (`incomplete` as the index has it). */
function statusOf(c: ScannedCase): string {
  if (c.summary) return c.summary.status;
  if (c.scan?.end?.status === 'interrupted') return 'interrupted';
  return c.folder.hasSummary ? 'summary unreadable' : 'incomplete';
}

/** The lines of events.jsonl that hold the given samples' events. */
function linesOf(scan: CaseScan, keys: readonly string[]): Set<number> {
  const orders = new Set(keys.map((k) => scan.outcomes.get(k)!.order));
  const lines = new Set<number>();
  scan.lineOwners.forEach((owner, line) => {
    if (orders.has(owner)) lines.add(line);
  });
  return lines;
}

/** The chosen samples of one case as a JSON array, at most `budget` bytes. */
async function embedSamples(c: ScannedCase, limits: ReportLimits, budget: number): Promise<{ json: string; count: number }> {
  if (!c.scan || !c.folder.hasEvents) return { json: '[]', count: 0 };
  const picked = pickSamples(c.scan.outcomes, limits.maxSamplesPerCase);
  const records = c.scan.records ?? (await readSampleRecords(path.join(c.folder.dir, EVENTS_FILE), linesOf(c.scan, picked), new Set(picked), limits.maxTextChars));
  const parts: string[] = [];
  let bytes = 2;
  for (const key of picked) {
    const record = records.get(key);
    if (!record) continue;
    const json = JSON.stringify({ ...record, status: sampleStatus(c.scan.outcomes.get(key)!) });
    const size = Buffer.byteLength(json) + 1;
    if (bytes + size > budget) break;
    parts.push(json);
    bytes += size;
  }
  return { json: `[${parts.join(',')}]`, count: parts.length };
}

function trimFlips(cmp: RunComparison): RunComparison & { flips_embedded: number } {
  const cases = cmp.cases.map((c) => ({
    ...c,
    metrics: c.metrics.map((m) => ({ ...m, to_fail: m.to_fail.slice(0, FLIPS_EMBEDDED), to_pass: m.to_pass.slice(0, FLIPS_EMBEDDED), to_fail_count: m.to_fail.length, to_pass_count: m.to_pass.length })),
  }));
  return { ...cmp, cases, flips_embedded: FLIPS_EMBEDDED };
}

export interface BuildOptions {
  /** Where the page will be written: links to events.jsonl are relative to it. */
  outFile: string;
  limits: ReportLimits;
  comparison?: RunComparison | null;
  comparisonNote?: string | null;
  now?: Date;
}

/** The page's data and, per case (same order), its samples as JSON. */
export async function buildReportData(run: ScannedRun, options: BuildOptions): Promise<{ data: ReportData; samples: string[] }> {
  const { limits } = options;
  const perCaseBudget = Math.floor(limits.maxSampleBytes / Math.max(1, run.cases.length));
  const edges = sharedEdges(run.cases.map((c) => c.scan?.latencies ?? []), LATENCY_BINS);
  const cases: ReportCase[] = [];
  const samples: string[] = [];
  for (const [index, c] of run.cases.entries()) {
    const embedded = await embedSamples(c, limits, perCaseBudget);
    samples.push(embedded.json);
    const counts: Record<SampleStatus, number> = { error: 0, failed: 0, passed: 0, unscored: 0 };
    for (const o of c.scan?.outcomes.values() ?? []) counts[sampleStatus(o)] += 1;
    const events = path.join(c.folder.dir, EVENTS_FILE);
    cases.push({
      index,
      label: caseLabel(c),
      model: c.model,
      task_id: c.task_id,
      dir: c.folder.rel,
      events_href: c.folder.hasEvents ? path.relative(path.dirname(options.outFile), events).split(path.sep).join('/') : null,
      status: statusOf(c),
      summary: c.summary,
      metrics: caseMetrics(c),
      latency_ms: latencyOf(c),
      latency_counts: histogram(c.scan?.latencies ?? [], edges),
      status_counts: counts,
      sample_total: c.scan?.outcomes.size ?? c.summary?.sample_count ?? 0,
      samples_embedded: embedded.count,
      case_errors: (c.scan?.caseErrors ?? []).map((e) => ({ stage: e.stage, error_type: e.error_type, message: e.message })),
    });
  }
  const data: ReportData = {
    pipeline: run.pipeline,
    run_id: run.run_id,
    root: displayPath(run.root),
    generated_at: (options.now ?? new Date()).toISOString(),
    limits,
    problems: run.problems,
    latency_edges: edges,
    cases,
    comparison: options.comparison ? trimFlips(options.comparison) : null,
    comparison_note: options.comparisonNote ?? null,
  };
  return { data, samples };
}

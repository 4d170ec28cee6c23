// Two runs of one pipeline, case by case (the same task × model in both): each metric's paired
// delta, the samples that flipped, and the latency, error and cost deltas from the summaries.
// What cannot be paired (a case, a metric or samples present on one side only) is said in notes.
import type { MetricOutcome, SampleOutcome } from '../read/outcome.js';
import { caseLabel, type ScannedCase, type ScannedRun } from '../read/scan-run.js';
import { metricMean } from '../read/summary-view.js';
import { compareMetric, DEFAULT_ALPHA, type MetricDelta, type PairedOutcome } from './metric-delta.js';

export type Pair<T> = { baseline: T; current: T };

export interface CaseComparison {
  case: string;
  model: string;
  task_id: string;
  samples: Pair<number> & { shared: number };
  metrics: MetricDelta[];
  latency_ms: Pair<{ p50: number; p95: number }> | null;
  errors: Pair<number> | null;
  cost_usd: Pair<number> | null;
  notes: string[];
}

export interface RunComparison {
  pipeline: string;
  baseline: { root: string; run_id: string };
  current: { root: string; run_id: string };
  alpha: number;
  cases: CaseComparison[];
  notes: string[];
  regressions: number;
  improvements: number;
}

const caseKey = (c: ScannedCase): string => `${c.folder.model}/${c.folder.task}`;

/** A metric's outcome for a sample; a sample that errored without a score counts as failed (0). */
function outcomeOf(o: SampleOutcome, metricId: string): MetricOutcome | undefined {
  return o.metrics.get(metricId) ?? (o.errored ? { score: 0, passed: false } : undefined);
}

function metricIdsOf(c: ScannedCase): string[] {
  return [...new Set([...(c.summary?.metrics.map((m) => m.metric_id) ?? []), ...(c.scan?.metricIds ?? [])])];
}

function summaryPair<T>(b: ScannedCase, c: ScannedCase, pick: (s: NonNullable<ScannedCase['summary']>) => T | null | undefined): Pair<T> | null {
  const [x, y] = [b.summary ? pick(b.summary) : null, c.summary ? pick(c.summary) : null];
  return x === null || x === undefined || y === null || y === undefined ? null : { baseline: x, current: y };
}

function compareCase(b: ScannedCase, c: ScannedCase, alpha: number): CaseComparison {
  const notes: string[] = [];
  const baseOut = b.scan?.outcomes ?? new Map<string, SampleOutcome>();
  const curOut = c.scan?.outcomes ?? new Map<string, SampleOutcome>();
  const shared = [...curOut.keys()].filter((k) => baseOut.has(k));
  if (!b.scan || !c.scan) notes.push(`no events.jsonl in the ${!b.scan ? 'baseline' : 'current'} run: the means are compared without a test`);
  else if (shared.length === 0) notes.push(`no samples in common (baseline ${baseOut.size}, current ${curOut.size}): the means are compared without a test`);
  const [baseIds, curIds] = [metricIdsOf(b), metricIdsOf(c)];
  const onlyBase = baseIds.filter((m) => !curIds.includes(m));
  const onlyCur = curIds.filter((m) => !baseIds.includes(m));
  if (onlyBase.length > 0) notes.push(`only in the baseline, not compared: ${onlyBase.join(', ')}`);
  if (onlyCur.length > 0) notes.push(`only in the current run, not compared: ${onlyCur.join(', ')}`);
  const metrics = curIds
    .filter((m) => baseIds.includes(m))
    .map((metricId) => {
      const pairs: PairedOutcome[] = [];
      for (const key of shared) {
        const [base, cur] = [outcomeOf(baseOut.get(key)!, metricId), outcomeOf(curOut.get(key)!, metricId)];
        if (base && cur) pairs.push({ key, base, cur });
      }
      const delta = compareMetric(metricId, pairs, alpha);
      if (delta.paired > 0) return delta;
      // Nothing paired: the summaries' means, side by side, untested.
      const means = summaryPair(b, c, (s) => {
        const m = s.metrics.find((x) => x.metric_id === metricId);
        return m ? metricMean(m) : null;
      });
      return means ? { ...delta, baseline: means.baseline, current: means.current, delta: means.current - means.baseline } : delta;
    });
  return {
    case: caseLabel(c),
    model: c.model,
    task_id: c.task_id,
    samples: { baseline: b.summary?.sample_count ?? baseOut.size, current: c.summary?.sample_count ?? curOut.size, shared: shared.length },
    metrics,
    latency_ms: summaryPair(b, c, (s) => ({ p50: s.run.timings.latency_ms.p50, p95: s.run.timings.latency_ms.p95 })),
    errors: summaryPair(b, c, (s) => s.error_count),
    cost_usd: summaryPair(b, c, (s) => s.cost_usd?.total),
    notes,
  };
}

export function compareRuns(baseline: ScannedRun, current: ScannedRun, options: { alpha?: number } = {}): RunComparison {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const baseCases = new Map(baseline.cases.map((c) => [caseKey(c), c]));
  const curKeys = new Set(current.cases.map(caseKey));
  const cases = current.cases.filter((c) => baseCases.has(caseKey(c))).map((c) => compareCase(baseCases.get(caseKey(c))!, c, alpha));
  const notes: string[] = [];
  const onlyCur = current.cases.filter((c) => !baseCases.has(caseKey(c))).map(caseLabel);
  const onlyBase = baseline.cases.filter((c) => !curKeys.has(caseKey(c))).map(caseLabel);
  if (onlyCur.length > 0) notes.push(`cases only in the current run, not compared: ${onlyCur.join(', ')}`);
  if (onlyBase.length > 0) notes.push(`cases only in the baseline, not compared: ${onlyBase.join(', ')}`);
  if (cases.length === 0) notes.push('the two runs have no case (task × model) in common: nothing to compare');
  const verdicts = cases.flatMap((c) => c.metrics.map((m) => m.verdict));
  return {
    pipeline: current.pipeline,
    baseline: { root: baseline.root, run_id: baseline.run_id },
    current: { root: current.root, run_id: current.run_id },
    alpha,
    cases,
    notes,
    regressions: verdicts.filter((v) => v === 'regression').length,
    improvements: verdicts.filter((v) => v === 'improvement').length,
  };
}

// What one sample came to, in a few numbers: enough to filter the report, pick which samples
// to embed and pair samples across runs, small enough to keep for every sample of a long case.

export interface MetricOutcome {
  score: number;
  /** Pass or fail when the metric says so, or its score is 0/1; undefined for a bare score. */
  passed: boolean | undefined;
}

export interface SampleOutcome {
  id: string;
  trial: number | undefined;
  /** 0-based position of its first event among the case's samples. */
  order: number;
  /** A sample_error was recorded for it (inference, scoring, prompt or dataset). */
  errored: boolean;
  metrics: Map<string, MetricOutcome>;
}

export type SampleStatus = 'error' | 'failed' | 'passed' | 'unscored';

/** The key that pairs a sample across runs: its id, plus the trial when the task repeats. */
export function sampleKey(id: string, trial: number | undefined): string {
  return trial === undefined ? id : `${id}#${trial}`;
}

/** A metric's own verdict when it gives one, else 1 = pass and 0 = fail; other scores have none. */
export function passOf(score: number, passed: boolean | undefined): boolean | undefined {
  if (passed !== undefined) return passed;
  return score === 1 ? true : score === 0 ? false : undefined;
}

export function sampleStatus(o: SampleOutcome): SampleStatus {
  if (o.errored) return 'error';
  if (o.metrics.size === 0) return 'unscored';
  for (const m of o.metrics.values()) if (m.passed === false) return 'failed';
  return 'passed';
}

/** Which samples a size-capped report keeps: errored first, then failed, then the rest, in order. */
export function pickSamples(outcomes: Iterable<[string, SampleOutcome]>, max: number): string[] {
  const rank: Record<SampleStatus, number> = { error: 0, failed: 1, passed: 2, unscored: 2 };
  const keyed = [...outcomes].map(([key, o], order) => ({ key, order, rank: rank[sampleStatus(o)] }));
  keyed.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return keyed.slice(0, Math.max(0, max)).map((k) => k.key);
}

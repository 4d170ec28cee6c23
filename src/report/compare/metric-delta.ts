// One metric of one case, baseline against current, on the samples both runs have: the delta
// and a paired test. Pass/fail metrics get McNemar's exact test on the samples that flipped;
// other scores a seeded paired bootstrap interval of the mean difference. Pure: tests call it.
import type { MetricOutcome } from '../read/outcome.js';
import { pairedBootstrap } from '../stats/bootstrap.js';
import { mcnemarExactP } from '../stats/mcnemar.js';
import { mean } from '../stats/quantile.js';

export const DEFAULT_ALPHA = 0.05;
/** The bootstrap's seed: fixed, so the same runs always print the same interval. */
export const BOOTSTRAP_SEED = 20261122;

export interface PairedOutcome {
  key: string;
  base: MetricOutcome;
  cur: MetricOutcome;
}

export type Verdict = 'regression' | 'improvement' | 'no significant change' | 'not tested';

export interface MetricDelta {
  metric_id: string;
  /** `pass rate` when every paired sample passed or failed, else `mean score`. */
  measure: 'pass rate' | 'mean score';
  paired: number;
  baseline: number | null;
  current: number | null;
  delta: number | null;
  test: 'mcnemar' | 'bootstrap' | 'none';
  /** McNemar's two-sided exact p. */
  p_value?: number;
  /** The paired bootstrap's 95% interval of the mean difference. */
  ci95?: [number, number];
  /** Sample keys that went pass → fail and fail → pass, sorted. */
  to_fail: string[];
  to_pass: string[];
  verdict: Verdict;
}

export function compareMetric(metricId: string, pairs: readonly PairedOutcome[], alpha = DEFAULT_ALPHA): MetricDelta {
  const to_fail: string[] = [];
  const to_pass: string[] = [];
  let passFail = pairs.length > 0;
  for (const { key, base, cur } of pairs) {
    if (base.passed === undefined || cur.passed === undefined) passFail = false;
    else if (base.passed && !cur.passed) to_fail.push(key);
    else if (!base.passed && cur.passed) to_pass.push(key);
  }
  to_fail.sort();
  to_pass.sort();
  const base = { metric_id: metricId, paired: pairs.length, to_fail, to_pass };
  if (pairs.length === 0) {
    return { ...base, measure: 'mean score', baseline: null, current: null, delta: null, test: 'none', verdict: 'not tested' };
  }
  if (passFail) {
    const rate = (side: 'base' | 'cur'): number => pairs.filter((p) => p[side].passed).length / pairs.length;
    const p = mcnemarExactP(to_fail.length, to_pass.length);
    const [b, c] = [rate('base'), rate('cur')];
    const verdict: Verdict = p >= alpha ? 'no significant change' : to_fail.length > to_pass.length ? 'regression' : 'improvement';
    return { ...base, measure: 'pass rate', baseline: b, current: c, delta: c - b, test: 'mcnemar', p_value: p, verdict };
  }
  const sorted = [...pairs].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const interval = pairedBootstrap(
    sorted.map((p) => p.cur.score - p.base.score),
    { seed: BOOTSTRAP_SEED, level: 1 - alpha },
  );
  const verdict: Verdict = interval.hi < 0 ? 'regression' : interval.lo > 0 ? 'improvement' : 'no significant change';
  return {
    ...base,
    measure: 'mean score',
    baseline: mean(pairs.map((p) => p.base.score)),
    current: mean(pairs.map((p) => p.cur.score)),
    delta: interval.mean,
    test: 'bootstrap',
    ci95: [interval.lo, interval.hi],
    verdict,
  };
}

// What stops a case before its dataset ends, besides an interruption: the watch on its events
// (case-watch.ts) stops it when its endpoint cannot be reached or its cost passed max_cost_usd.
// Two signals carry that to the loop, apart from the case's own (which means "interrupted"):
// one that stops new samples from starting, one that also cuts the requests in flight.
import type { CaseSpec } from '../config/cases.js';
import type { CaseAggregate } from './aggregate.js';
import { CaseWatch } from './case-watch.js';
import { caseCost, casePricing, type CaseCost } from './cost.js';
import type { Verdict } from './verdict.js';

export interface CaseGuards {
  watch: CaseWatch;
  /** For the loop: aborts when no new sample should start. */
  startSignal: AbortSignal;
  /** For requests: aborts when those in flight should be cut off. */
  requestSignal: AbortSignal;
  /** The case's cost at this moment. */
  cost: () => CaseCost;
}

export function caseGuards(spec: Pick<CaseSpec, 'backend' | 'judges' | 'task'>, aggregate: CaseAggregate, caseSignal: AbortSignal | undefined): CaseGuards {
  const starting = new AbortController();
  const requests = new AbortController();
  const pricing = casePricing(spec);
  const cost = (): CaseCost => caseCost(pricing, aggregate.usage, aggregate.judgeUsageByAdapter);
  const watch = new CaseWatch({
    backendId: spec.backend.backend_id,
    stopStarting: () => starting.abort(),
    stopAll: () => {
      starting.abort();
      requests.abort();
    },
    costSoFar: () => cost().cost_usd?.total ?? null,
    maxCostUsd: spec.task.max_cost_usd,
    samplesStarted: () => aggregate.sampleCount,
  });
  const withCase = (own: AbortSignal): AbortSignal => (caseSignal ? AbortSignal.any([caseSignal, own]) : own);
  return { watch, startSignal: withCase(starting.signal), requestSignal: withCase(requests.signal), cost };
}

/** A case stopped early failed, whatever else it reached (an interruption still says so). */
export function failedByStops<V extends Pick<Verdict, 'reasons'> & { status: string }>(verdict: V, stops: readonly string[]): V {
  if (stops.length === 0) return verdict;
  return { ...verdict, status: verdict.status === 'interrupted' ? verdict.status : 'failed', reasons: [...stops, ...verdict.reasons] };
}

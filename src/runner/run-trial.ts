// One trial of one sample: inference (the provider, or the user's task), then every metric,
// emitting inference_end, auto_eval_sample and sample_error as they happen. A failure stays
// with its trial: the sample's other trials and the other samples go on. When the task repeats
// (repeats > 1) every event carries the trial's 0-based index and the trial runs inside
// runInTrial, so whatever makes a request during it can read the index (providers/trial-context.ts);
// a single-trial run's events are exactly what they were before repeats existed. With recordings
// on, the trial also runs in a request scope (providers/request-scope.ts) naming its pipeline and
// model, and its inference_end says whether the answer was replayed (`cached`, `recording`).
import { newRequestScope, replayFields, runInRequestScope, type RequestScope } from '../providers/request-scope.js';
import { runInTrial } from '../providers/trial-context.js';
import type { CaseAggregate } from './aggregate.js';
import { isInterrupted } from './interruption.js';
import { describeError } from './describe-error.js';
import { makeEvent, type EmittedEvent } from './events.js';
import { metricOutputOf } from './metric-output.js';
import type { SampleScorer } from './scorer.js';
import type { Infer } from './task-call.js';
import type { WorkUnit } from './trial-units.js';

export interface TrialDeps {
  repeats: number;
  infer: Infer;
  /** undefined when the task has no auto_eval step. */
  scorer: SampleScorer | undefined;
  aggregate: CaseAggregate;
  emit: (event: EmittedEvent) => void;
  signal: AbortSignal | undefined;
  /** Recordings are on: the case's pipeline and model, for the request scope of each trial. */
  requests?: { pipeline: string; model: string } | undefined;
}

export type TrialUnit = Extract<WorkUnit, { kind: 'trial' }>;

export function trialRunner(deps: TrialDeps): (unit: TrialUnit) => Promise<void> {
  const { repeats, infer, scorer, aggregate, emit, signal, requests } = deps;

  /** Resolves true when the trial failed (its inference, or any of its metrics). */
  const run = async ({ sample, messages, trial, open }: TrialUnit, scope: RequestScope | undefined): Promise<boolean> => {
    const tag = repeats > 1 ? { trial } : {};
    const id = sample.sample_id;
    let result;
    try {
      result = await infer(sample, messages, signal, trial);
    } catch (error) {
      // Cut off by an interruption: no error, and the sample is not counted (interruption.ts).
      if (isInterrupted(signal)) {
        aggregate.cutTrial(open);
        return false;
      }
      emit(makeEvent('sample_error', id, { stage: 'inference', ...describeError(error), ...tag }));
      return true;
    }
    // Read before scoring: a judge's requests join the scope after the inference's.
    const replay = scope === undefined ? {} : replayFields(scope.requests);
    aggregate.addInference(result.latency_ms, result.usage, replay.cached === true);
    emit(makeEvent('inference_end', id, { ...result, ...replay, ...tag }));
    if (scorer === undefined) return false;
    let failed = false;
    for (const outcome of await scorer.score(sample, metricOutputOf(result))) {
      if (outcome.judge_usage) aggregate.addJudgeUsage(outcome.judge_usage, outcome.judge_adapter);
      if ('error' in outcome) {
        failed = true;
        const spent = outcome.judge_usage ? { judge_usage: outcome.judge_usage, ...(outcome.judge_adapter ? { judge_adapter: outcome.judge_adapter } : {}) } : {};
        emit(makeEvent('sample_error', id, { stage: 'scoring', ...describeError(outcome.error), ...tag, metric_id: outcome.metric_id, ...spent }));
        continue;
      }
      aggregate.addScore(open, outcome.metric_id, outcome.scored.score, outcome.scored.passed);
      emit(makeEvent('auto_eval_sample', id, { metric_id: outcome.metric_id, ...outcome.scored, ...tag }));
    }
    return failed;
  };

  return async (unit) => {
    let failed = true;
    try {
      const scope = requests === undefined ? undefined : newRequestScope(requests.pipeline, requests.model);
      const scoped = (): Promise<boolean> => (scope === undefined ? run(unit, undefined) : runInRequestScope(scope, () => run(unit, scope)));
      failed = await (repeats > 1 ? runInTrial(unit.trial, scoped) : scoped());
    } finally {
      // However the trial ended: a sample closes when its last trial does.
      aggregate.endTrial(unit.open, failed);
    }
  };
}

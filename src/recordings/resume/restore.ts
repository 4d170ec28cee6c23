// Events → aggregate state: folds the finished trials a TrialLedger kept into a case's fresh
// CaseAggregate through the same calls a live trial makes (so scores, pass verdicts, usage by
// role, the latency histogram and the per-sample statistics come out as an uninterrupted run's
// would), and says what is left of each sample for the runner (runner/prior-work.ts).
// `unfinished` keeps every finished trial; `errors` also runs again the trials that failed and
// the samples that failed before their trials, so a sample counts its latest outcome, once.
import type { CaseAggregate, OpenSample } from '../../runner/aggregate.js';
import type { PriorWork, SampleLeft } from '../../runner/prior-work.js';
import { trialFailed, type TrialLedger, type TrialOutcome } from './trial-ledger.js';

export type Rerun = 'unfinished' | 'errors';

export function restoreCase(ledger: TrialLedger, aggregate: CaseAggregate, rerun: Rerun): PriorWork {
  const { repeats } = ledger.caseShape();
  const left = new Map<string, 'done' | SampleLeft>();
  let keptSamples = 0;
  let keptTrials = 0;
  if (rerun === 'unfinished') {
    for (const id of ledger.failedBefore) {
      aggregate.sampleCount += 1;
      aggregate.addFailedSample();
      left.set(id, 'done');
      keptSamples += 1;
    }
  }
  for (const [id, trials] of ledger.finished) {
    const kept = [...trials.values()].filter((t) => t.trial < repeats && !(rerun === 'errors' && trialFailed(t)));
    if (kept.length === 0) continue;
    const open = aggregate.startSample();
    const todo = Array.from({ length: repeats }, (_, trial) => trial).filter((trial) => !kept.some((t) => t.trial === trial));
    for (const t of kept) foldTrial(aggregate, open, t);
    keptTrials += kept.length;
    if (todo.length > 0) left.set(id, { trials: todo, open });
    else {
      left.set(id, 'done');
      keptSamples += 1;
    }
  }
  return { left: (id) => left.get(id), resumed: { rerun, kept_samples: keptSamples, kept_trials: keptTrials } };
}

/** What run-trial.ts does for a trial, from its recorded outcome. */
function foldTrial(aggregate: CaseAggregate, open: OpenSample, t: TrialOutcome): void {
  if (t.inference) aggregate.addInference(t.inference.latency_ms, t.inference.usage, t.inference.cached);
  if (t.judgeUsage.prompt_tokens > 0 || t.judgeUsage.completion_tokens > 0) aggregate.addJudgeUsage(t.judgeUsage);
  for (const s of t.scores) aggregate.addScore(open, s.metric_id, s.score, s.passed);
  aggregate.endTrial(open, trialFailed(t));
}

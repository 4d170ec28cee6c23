// Events → aggregate state: folds the finished trials a TrialLedger kept into a case's fresh
// CaseAggregate through the same calls a live trial makes (so scores, pass verdicts, usage by
// role, the latency histogram and the per-sample statistics come out as an uninterrupted run's
// would), and says what is left of each sample for the runner (runner/prior-work.ts).
// `unfinished` keeps every finished trial; `errors` also runs again the trials that failed and
// the samples that failed before their trials, so a sample counts its latest outcome, once.
import type { CaseAggregate, OpenSample } from '../../runner/aggregate.js';
import type { ErrorRecord } from '../../runner/error-kinds.js';
import type { PriorWork, SampleLeft } from '../../runner/prior-work.js';
import { trialFailed, type TrialLedger, type TrialOutcome } from './trial-ledger.js';

export type Rerun = 'unfinished' | 'errors';

export function restoreCase(ledger: TrialLedger, aggregate: CaseAggregate, rerun: Rerun): PriorWork {
  const { repeats } = ledger.caseShape();
  const left = new Map<string, 'done' | SampleLeft>();
  let keptSamples = 0;
  let keptTrials = 0;
  const errors = new KeptErrors(ledger.errorRecords);
  if (rerun === 'unfinished') {
    for (const [id, record] of ledger.failedBefore) {
      aggregate.sampleCount += 1;
      aggregate.addFailedSample();
      errors.add(record);
      left.set(id, 'done');
      keptSamples += 1;
    }
  }
  for (const [id, trials] of ledger.finished) {
    const kept = [...trials.values()].filter((t) => t.trial < repeats && !(rerun === 'errors' && trialFailed(t)));
    if (kept.length === 0) continue;
    const open = aggregate.startSample();
    const todo = Array.from({ length: repeats }, (_, trial) => trial).filter((trial) => !kept.some((t) => t.trial === trial));
    for (const t of kept) {
      foldTrial(aggregate, open, t);
      for (const record of t.errors) errors.add(record);
    }
    keptTrials += kept.length;
    if (todo.length > 0) left.set(id, { trials: todo, open });
    else {
      left.set(id, 'done');
      keptSamples += 1;
    }
  }
  return { left: (id) => left.get(id), resumed: { rerun, kept_samples: keptSamples, kept_trials: keptTrials }, errors: errors.list, otherErrors: errors.other };
}

/** What run-trial.ts does for a trial, from its recorded outcome. */
function foldTrial(aggregate: CaseAggregate, open: OpenSample, t: TrialOutcome): void {
  if (t.inference) aggregate.addInference(t.inference.latency_ms, t.inference.usage, t.inference.cached);
  for (const judged of t.judgeUsage) aggregate.addJudgeUsage(judged.usage, judged.adapter);
  for (const s of t.scores) aggregate.addScore(open, s.metric_id, s.score, s.passed);
  aggregate.endTrial(open, trialFailed(t));
}

/** The kept failures' error records, in the order they happened (-1: a kind past those kept). */
class KeptErrors {
  readonly list: ErrorRecord[] = [];
  other = 0;
  constructor(private readonly records: readonly ErrorRecord[]) {}
  add(index: number): void {
    if (index < 0) this.other += 1;
    else this.list.push(this.records[index]!);
  }
}

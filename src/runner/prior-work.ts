// What earlier parts of a run already did, for a case that is resumed (README "Resuming a run"):
// the runner asks it, sample by sample, what is left to run. It is made by folding the case's
// events.jsonl into the case's aggregate (recordings/resume/restore.ts) before the loop starts,
// so the summary counts every sample once: the finished ones from their events, the rest as
// they run now.
import type { CaseAggregate, OpenSample } from './aggregate.js';
import type { ErrorRecord } from './error-kinds.js';
import type { PayloadOf } from './events.js';

/** A sample some of whose trials finished: the trials left, and the sample holding the others. */
export interface SampleLeft {
  trials: readonly number[];
  open: OpenSample;
}

export interface PriorWork {
  /** 'done': skip the sample; its trials left; undefined: run it whole. */
  left(sampleId: string): 'done' | SampleLeft | undefined;
  /** For the resumed part's case_start. */
  resumed: NonNullable<PayloadOf<'case_start'>['resumed']>;
  /** Errors of what was kept, one entry per failure (its kind's first record), and failures
   *  of kinds past the records kept: the case's errors_by_kind counts them with the new ones. */
  errors: readonly ErrorRecord[];
  otherErrors: number;
}

/** Folds what the run did into the case's fresh aggregate and says what is left. */
export type RestorePrior = (aggregate: CaseAggregate) => PriorWork;

// One sample's trials on one metric, folded as each trial is scored (trials finish in any
// order): counts and a sum (exact, so their order does not matter), never the list of scores, so
// a sample costs the same at any k.
import { ExactSum } from './exact-sum.js';

export interface TrialTally {
  /** Trials scored, and the sum of their scores. */
  scored: number;
  sum: ExactSum;
  /** Trials that carried a pass verdict, and how many of them passed. */
  judged: number;
  passed: number;
  /** Whether every trial so far gave the same result: its pass verdict when it has one, else its score. */
  agreed: boolean;
  first: number | boolean | undefined;
}

export function emptyTally(): TrialTally {
  return { scored: 0, sum: new ExactSum(), judged: 0, passed: 0, agreed: true, first: undefined };
}

export function addTrial(tally: TrialTally, score: number, passed?: boolean): void {
  tally.scored += 1;
  tally.sum.add(score);
  if (passed !== undefined) {
    tally.judged += 1;
    if (passed) tally.passed += 1;
  }
  const result = passed ?? score;
  if (tally.scored === 1) tally.first = result;
  else if (result !== tally.first) tally.agreed = false;
}

// One part of a pipeline's cases, for spreading them over Vitest's workers: the tests of one
// eval file share one worker (one thread), so a pipeline whose cases keep a thread busy can be
// split over N files, each calling defineEvalSuite(config, { part: 'i/N' }). Cases are dealt
// round-robin in config order, so every case is in exactly one part and the parts get cases of
// different models alike.
import type { CaseSpec } from './cases.js';
import { displayPath } from './display-path.js';

export interface CasePart {
  /** 1-based. */
  index: number;
  of: number;
}

const PART = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;

/** Reads `'i/N'` (1 ≤ i ≤ N); an error message for anything else. */
export function parseCasePart(text: unknown): CasePart | { error: string } {
  const match = typeof text === 'string' ? PART.exec(text) : null;
  const [index, of] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!(index >= 1 && index <= of)) {
    return { error: `part must be "i/N" with 1 ≤ i ≤ N (for example "1/2" and "2/2" in two eval files), not ${JSON.stringify(text)}` };
  }
  return { index, of };
}

/** The cases of `part`: the k-th case (from 0) is in part k mod N + 1. */
export function casesOfPart(cases: readonly CaseSpec[], part: CasePart, configFile: string): CaseSpec[] {
  const mine = cases.filter((_, k) => k % part.of === part.index - 1);
  if (mine.length === 0) {
    throw new Error(`part "${part.index}/${part.of}" of ${displayPath(configFile)} has no cases: the pipeline has ${cases.length}, so split it into at most ${cases.length} parts`);
  }
  return mine;
}

/** `part` as defineEvalSuite and defineMatrixSuite take it: all cases without one (`first`:
 *  no part, or part 1, which reports what belongs to no case). Throws a message naming the
 *  problem for a part that is malformed or would hold no case. */
export function selectPart(cases: CaseSpec[], part: string | undefined, configFile: string): { cases: CaseSpec[]; first: boolean } {
  if (part === undefined) return { cases, first: true };
  const parsed = parseCasePart(part);
  if ('error' in parsed) throw new Error(parsed.error);
  return { cases: casesOfPart(cases, parsed, configFile), first: parsed.index === 1 };
}

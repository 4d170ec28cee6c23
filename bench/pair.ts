// One evalmatrix run and one baseline run of the same pipeline, in an order that alternates
// with the repetition (so drift in the machine's load hits both sides alike), both checked to
// have done the same work.
import { checkRun, checkSameScores } from './check.js';
import { runBaseline, runEvalmatrix, type EvalmatrixRun, type SideRun } from './sides.js';

export interface Pair {
  evalmatrix: EvalmatrixRun;
  baseline: SideRun;
}

export async function runPair(repetition: number, pipeline: string, env: Record<string, string>, expected: { cases: number; samples: number }): Promise<Pair> {
  const pair = await alternate(repetition, () => runEvalmatrix(pipeline, env), () => runBaseline(pipeline, env));
  checkRun('evalmatrix', pair.evalmatrix.cases, expected.cases, expected.samples);
  checkRun('baseline', pair.baseline.cases, expected.cases, expected.samples);
  checkSameScores(pair.evalmatrix.cases, pair.baseline.cases);
  return pair;
}

/** Both sides once, evalmatrix first in even repetitions and the baseline first in odd ones. */
export async function alternate<E, B>(repetition: number, runE: () => Promise<E>, runB: () => Promise<B>): Promise<{ evalmatrix: E; baseline: B }> {
  if (repetition % 2 === 0) {
    const evalmatrix = await runE();
    return { evalmatrix, baseline: await runB() };
  }
  const baseline = await runB();
  return { evalmatrix: await runE(), baseline };
}

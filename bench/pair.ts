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
  const runE = () => runEvalmatrix(pipeline, env);
  const runB = () => runBaseline(pipeline, env);
  let pair: Pair;
  if (repetition % 2 === 0) {
    const evalmatrix = await runE();
    pair = { evalmatrix, baseline: await runB() };
  } else {
    const baseline = await runB();
    pair = { evalmatrix: await runE(), baseline };
  }
  checkRun('evalmatrix', pair.evalmatrix.cases, expected.cases, expected.samples);
  checkRun('baseline', pair.baseline.cases, expected.cases, expected.samples);
  checkSameScores(pair.evalmatrix.cases, pair.baseline.cases);
  return pair;
}

// Both sides must have done the same work, or their times say nothing: every case ran every
// sample without error, and each model's mean score is the same on both sides.
import type { CaseOutcome } from './outcome.js';

export function checkRun(side: string, cases: readonly CaseOutcome[], expectedCases: number, samples: number): void {
  if (cases.length !== expectedCases) throw new Error(`${side}: ${cases.length} cases, expected ${expectedCases}`);
  for (const c of cases) {
    if (c.samples !== samples || c.errors !== 0) {
      throw new Error(`${side}: ${c.model} ran ${c.samples} samples with ${c.errors} errors, expected ${samples} without errors`);
    }
  }
}

export function checkSameScores(evalmatrix: readonly CaseOutcome[], baseline: readonly CaseOutcome[]): void {
  const byModel = new Map(baseline.map((c) => [c.model, c.mean]));
  for (const c of evalmatrix) {
    const other = byModel.get(c.model);
    if (other === undefined || other === null || c.mean === null || Math.abs(other - c.mean) > 1e-9) {
      throw new Error(`${c.model}: evalmatrix scored ${c.mean}, the baseline ${other}: the two sides did not do the same work`);
    }
  }
}

/** Sample by sample: the same score for every row of every model (the live benchmark). */
export function checkSameSampleScores(evalmatrix: readonly CaseOutcome[], other: readonly CaseOutcome[], modelOf: (otherModel: string) => string): void {
  const byModel = new Map(evalmatrix.map((c) => [c.model, c.scores]));
  for (const c of other) {
    const mine = byModel.get(modelOf(c.model));
    if (mine === undefined || c.scores === undefined || mine !== c.scores) {
      const row = mine === undefined || c.scores === undefined ? -1 : [...mine].findIndex((s, i) => s !== c.scores![i]);
      throw new Error(`${c.model}: the two sides scored differently${row >= 0 ? ` first at row ${row + 1} (evalmatrix ${mine![row]}, raw ${c.scores![row]})` : ''}: they did not do the same work`);
    }
  }
}

// What one case did, as both sides report it: the baseline prints it, evalmatrix's comes from
// its summary.json. The two are compared to make sure both sides did the same work.
export interface CaseOutcome {
  model: string;
  samples: number;
  errors: number;
  /** Mean score of the case's metric; null when nothing was scored. */
  mean: number | null;
  /** The case's own wall time, start-up excluded. */
  wall_ms: number;
  /** Per-sample scores in row order ('1', '0', '-' for none), when the scenario compares them. */
  scores?: string;
}

// The error a case's test fails with when its verdict is `failed`: the case and every reason.
import type { CaseSpec } from '../config/cases.js';

export class EvalCaseFailure extends Error {
  override name = 'EvalCaseFailure';
  constructor(spec: CaseSpec, reasons: string[]) {
    super(`${spec.name} failed:\n  - ${reasons.join('\n  - ')}`);
    // The reasons are the whole story: no stack of evalmatrix's own code under them.
    this.stack = `${this.name}: ${this.message}`;
  }
}

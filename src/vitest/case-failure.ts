// The error a case's test fails with when its verdict is `failed`: the case and every reason.
import type { CaseSpec } from '../config/cases.js';

export class EvalCaseFailure extends Error {
  override name = 'EvalCaseFailure';
  constructor(spec: CaseSpec, reasons: string[]) {
    super(`${spec.name} failed:\n  - ${reasons.join('\n  - ')}`);
  }
}

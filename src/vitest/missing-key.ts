// A live case whose key (or its judge's) is missing: skipped locally, a failure in CI — where a
// skip would turn the job green while nothing was evaluated — unless the backend whose key is
// missing says `on_missing_key: skip`. The reason names the variable either way, and how to
// choose the other behaviour.
import { onMissingKey } from '../config/ci.js';
import type { CaseSpec } from '../config/cases.js';
import type { MissingKeyError } from '../providers/index.js';
import { MissingJudgeKeyError } from '../runner/judge-clients.js';

export class MissingKeyFailure extends Error {
  override name = 'MissingKeyFailure';
  constructor(message: string) {
    super(message);
    // The reason is the whole story: no stack of evalmatrix's own code under it.
    this.stack = `${this.name}: ${message}`;
  }
}

export function missingKey(spec: Pick<CaseSpec, 'backend' | 'judges'>, error: MissingKeyError, env: Record<string, string | undefined>): { fail: boolean; reason: string } {
  const backend = error instanceof MissingJudgeKeyError ? spec.judges.find((j) => j.adapter.adapter_id === error.adapterId)?.backend : spec.backend;
  const fail = onMissingKey(backend?.config, env) === 'fail';
  if (!fail) return { fail, reason: error.message };
  const where = backend ? ` on backend "${backend.backend_id}"` : '';
  const why = backend?.config.on_missing_key === 'fail' ? `on_missing_key: fail${where}` : 'CI is set';
  return { fail, reason: `${error.message}. ${why}, so a live case without its key fails the run; to skip it instead, set on_missing_key: skip${where}` };
}

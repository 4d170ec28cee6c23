// A case's test when the run resumes another (README "Resuming a run"): find the case's folder
// in that run, and either keep it (it finished: the test reports its summary as it stands, the
// reporter writes nothing), refuse (its config changed: the test fails saying what changed,
// nothing is written), or hand runCase what the run already did (or nothing: the run never
// reached the case, which then runs whole into the run's folder).
import path from 'node:path';
import { inject, type TestContext } from 'vitest';
import type { CaseSpec } from '../config/cases.js';
import type { DatasetRows } from '../datasets/loaders/code.js';
import { caseResume } from '../recordings/resume/case-resume.js';
import { pipelineRoot, runDir } from '../reporter/paths.js';
import { META_KEY, type CaseIdentity } from '../reporter/protocol.js';
import { caseFingerprint, type CaseFingerprint } from '../runner/case-fingerprint.js';
import type { RestorePrior } from '../runner/prior-work.js';
import type { Mode } from '../runner/run-case.js';
import type { CaseSummary } from '../runner/summary.js';
import { EvalCaseFailure } from './case-failure.js';
import { RESUME_KEY, ResumeError, type ResumeTarget } from './resume-target.js';

export interface ResumeStart {
  fingerprint?: CaseFingerprint;
  prior?: RestorePrior;
}

/** The run to resume, as the plugin decided it; undefined when there is none. */
export function resumeTarget(): ResumeTarget | undefined {
  const target = inject(RESUME_KEY);
  if (target) return target;
  if (target === undefined && (process.env.EVALMATRIX_RESUME?.trim() || process.env.EVALMATRIX_RERUN?.trim())) {
    throw new ResumeError('EVALMATRIX_RESUME and EVALMATRIX_RERUN need the evalmatrix plugin in the Vitest config (plugins: [evalmatrix()]), which picks the run before the tests start.');
  }
  return undefined;
}

/** `kept` when the test is over (its summary reported as it stands); else what runCase needs. */
export async function startResumed(ctx: TestContext, spec: CaseSpec, identity: CaseIdentity, mode: Mode, rows: DatasetRows | undefined): Promise<ResumeStart | 'kept'> {
  const target = resumeTarget();
  if (!target) return {};
  const fingerprint = await caseFingerprint(spec, rows);
  const dir = path.join(pipelineRoot(target.outRoot, spec.pipeline), ...runDir(spec.model, spec.task.task_id, target.runId).split('/'));
  const found = caseResume({ spec, dir, runId: target.runId, mode, fingerprint, rerun: target.rerun });
  if (found.kind === 'refused') throw new ResumeError(found.message);
  if (found.kind === 'resumed') return { fingerprint, prior: found.restore };
  if (found.kind === 'fresh') return { fingerprint };
  const summary: CaseSummary = found.summary;
  ctx.task.meta[META_KEY] = { case: identity, summary, kept: true };
  if (summary.status === 'skipped') ctx.skip(`skipped in run ${target.runId}, kept as it was: ${summary.reasons[0] ?? ''}`);
  if (summary.status === 'failed') throw new EvalCaseFailure(spec, [`it finished in run ${target.runId} and is kept as it was`, ...summary.reasons]);
  return 'kept';
}

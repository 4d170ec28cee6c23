// One case as one Vitest test, shared by defineEvalSuite and defineMatrixSuite: make the
// provider client (or skip, naming the missing key variable), run the case while its events
// stream to the reporter, leave the summary in the test's meta, and fail on a failed verdict.
import { afterAll, beforeAll, recordArtifact, test, type RunnerTestCase, type TestContext } from 'vitest';
import type { CaseSpec } from '../config/cases.js';
import type { BackendSpec } from '../config/schema.js';
import { registerMockReplies } from '../mocks/replies/register.js';
import { createProviderClient, MissingKeyError, resolveProvider } from '../providers/index.js';
import { META_KEY, SUMMARY_ARTIFACT, type CaseIdentity } from '../reporter/protocol.js';
import { skippedSummary } from '../runner/build-summary.js';
import { createJudgeClients } from '../runner/judge-clients.js';
import type { CustomMetrics } from '../runner/load-eval-pipeline.js';
import { runCase, type Mode } from '../runner/run-case.js';
import type { CaseSummary } from '../runner/summary.js';
import { EvalCaseFailure } from './case-failure.js';
import { EventChannel } from './event-channel.js';
import { CaseInterrupted, trackCase } from './interrupt.js';
import { resolveMode } from './mode.js';
import { activeRecordings } from './recordings.js';
import { startResumed } from './resume-case.js';
import { annotateCase } from './junit-properties.js';
import { missingKey, MissingKeyFailure } from './missing-key.js';
import { caseInputs, type SuiteInputs } from './suite-inputs.js';

export { EvalCaseFailure };
export type Env = Record<string, string | undefined>;

export interface CaseTestSettings {
  env: Env;
  mode: Mode;
  /** Per-case timeout in ms. */
  timeout: number;
  /** Metrics defined in TypeScript that the suite registered. */
  registry?: CustomMetrics;
}

const DEFAULT_CASE_TIMEOUT_MS = 30 * 60_000;

/** Settings from a suite's options and the environment (EVALMATRIX_MODE, EVALMATRIX_CASE_TIMEOUT_MS). */
export function caseTestSettings(options: { timeout?: number; env?: Env }): CaseTestSettings {
  const env = options.env ?? process.env;
  return {
    env,
    mode: resolveMode(env),
    timeout: options.timeout ?? (Number(env.EVALMATRIX_CASE_TIMEOUT_MS) || DEFAULT_CASE_TIMEOUT_MS),
  };
}

/**
 * One concurrent test per case, named `<task_id> › <model>`. In mock mode the mocks answer with
 * the mock_reply of each of `backends` (default: the cases' own; a suite passes all of its
 * pipeline's, judges included) while the tests run.
 */
export function defineCaseTests(cases: readonly CaseSpec[], settings: CaseTestSettings, inputs?: SuiteInputs, backends: readonly BackendSpec[] = cases.map((c) => c.backend)): void {
  const { env, mode, timeout, registry } = settings;
  // Resolved as the setup file resolved it; a bad EVALMATRIX_RECORD fails there, naming itself.
  const recordings = safely(() => activeRecordings(mode, env) !== undefined);
  if (mode === 'mock' && backends.some((b) => b.config.mock_reply !== undefined)) {
    let unregister: (() => void) | undefined;
    beforeAll(() => {
      unregister = registerMockReplies(backends, env);
    });
    afterAll(() => unregister?.());
  }
  for (const spec of cases) {
    test.concurrent(spec.name, { timeout }, async (ctx) => {
      const identity: CaseIdentity = { pipeline: spec.pipeline, model: spec.model, task_id: spec.task.task_id };
      const own = caseInputs(spec, inputs);
      // EVALMATRIX_RESUME: a case the resumed run finished is kept; another gets what it did.
      const resumed = await startResumed(ctx, spec, identity, mode, own.rows);
      if (resumed === 'kept') return;
      let client;
      let judges;
      try {
        client = createProviderClient(spec.backend, { env, allowMissingKey: mode === 'mock' });
        // A judge without its key skips the case too, naming the judge and the variable.
        judges = createJudgeClients(spec, { env, mode });
      } catch (error) {
        if (!(error instanceof MissingKeyError)) throw error;
        const missing = missingKey(spec, error, env);
        const { provider, apiBase } = resolveProvider(spec.backend.config, env);
        const backend = { provider, model: spec.backend.config.model, apiBase };
        ctx.task.meta[META_KEY] = { case: identity, summary: skippedSummary(spec, mode, backend, missing.reason) };
        if (missing.fail) throw new MissingKeyFailure(`${spec.name}: ${missing.reason}`);
        ctx.skip(missing.reason);
        return;
      }
      const abort = caseAbort(ctx);
      const untrack = trackCase(abort);
      const channel = new EventChannel(ctx.task as RunnerTestCase, identity, { signal: abort.signal, onFailure: (error) => abort.abort(error) });
      const settled = (async (): Promise<CaseSummary> => {
        const summary = await runCase(spec, { mode, client, judges, emit: channel.emit, notify: channel.notify, signal: abort.signal, ...(registry ? { metrics: registry } : {}), ...own, ...resumed, recordings }).finally(() => channel.close());
        ctx.task.meta[META_KEY] = { case: identity, summary };
        // The reporter writes summary.json now, before the test can pass; if it cannot, this
        // rejects and the test fails with the reason.
        await recordArtifact(ctx.task as RunnerTestCase, { type: SUMMARY_ARTIFACT, case: identity, summary });
        return summary;
      })().finally(untrack);
      // A cancelled run (Ctrl-C, SIGTERM) or a timeout ends the test at once; the case still
      // finishes its bookkeeping (events through, summary marked interrupted) before Vitest
      // moves on, so nothing it had is lost.
      ctx.onTestFinished(() => settled.then(noop, noop), INTERRUPT_GRACE_MS);
      const summary = await settled;
      // Before the verdict: a test that threw can no longer be annotated.
      if (!abort.signal.aborted) await annotateCase(ctx, summary);
      if (summary.status === 'failed') throw new EvalCaseFailure(spec, summary.reasons);
      if (summary.status === 'interrupted') throw new CaseInterrupted(`${spec.name} ${summary.reasons[0] ?? 'interrupted'}`);
    });
  }
}

/** How long an interrupted case may take to send what it has. */
const INTERRUPT_GRACE_MS = 30_000;
const noop = (): void => {};

/** The case's own signal: aborted with Vitest's reason (a cancelled run, a timeout), or by the
 *  case itself when its output cannot be written. */
function caseAbort(ctx: TestContext): AbortController {
  const abort = new AbortController();
  if (ctx.signal.aborted) abort.abort(ctx.signal.reason);
  else ctx.signal.addEventListener('abort', () => abort.abort(ctx.signal.reason), { once: true });
  return abort;
}

function safely(probe: () => boolean): boolean {
  try {
    return probe();
  } catch {
    return false;
  }
}

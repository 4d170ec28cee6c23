// defineEvalSuite: one describe per pipeline, one concurrent test per task × model. Each test
// runs its case's samples, streams events to the reporter, then asserts the verdict.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test, TestRunner, type RunnerTestCase, type RunnerTestFile } from 'vitest';
import { expandCases, type CaseSpec } from '../config/cases.js';
import { loadPipeline, type LoadedPipeline } from '../config/load.js';
import { createProviderClient, MissingKeyError, resolveProvider } from '../providers/index.js';
import { DEPS_META_KEY, META_KEY, type CaseIdentity } from '../reporter/protocol.js';
import { skippedSummary } from '../runner/build-summary.js';
import { runCase } from '../runner/run-case.js';
import { EventChannel } from './event-channel.js';
import { resolveMode } from './mode.js';

export interface EvalSuiteOptions {
  /** Per-case timeout in ms (default EVALMATRIX_CASE_TIMEOUT_MS or 30 minutes). */
  timeout?: number;
  env?: Record<string, string | undefined>;
}

const DEFAULT_CASE_TIMEOUT_MS = 30 * 60_000;

/**
 * @param source a pipeline YAML path (relative to the calling test file), a file URL, or an
 *   already loaded pipeline.
 */
export function defineEvalSuite(source: string | URL | LoadedPipeline, options: EvalSuiteOptions = {}): void {
  const env = options.env ?? process.env;
  const file = TestRunner.getCurrentSuite().file;
  const pipeline = typeof source === 'string' || source instanceof URL ? loadWatched(source, file) : source;
  const cases = expandCases(pipeline);
  addDeps(file, cases.map((c) => c.dataset.resolvedPath));
  const mode = resolveMode(env);
  const timeout = options.timeout ?? (Number(env.EVALMATRIX_CASE_TIMEOUT_MS) || DEFAULT_CASE_TIMEOUT_MS);

  describe(pipeline.spec.metadata.name, () => {
    for (const spec of cases) {
      test.concurrent(spec.name, { timeout }, async (ctx) => {
        const identity: CaseIdentity = { pipeline: spec.pipeline, model: spec.model, task_id: spec.task.task_id };
        let client;
        try {
          client = createProviderClient(spec.backend, { env, allowMissingKey: mode === 'mock' });
        } catch (error) {
          if (!(error instanceof MissingKeyError)) throw error;
          const { provider, apiBase } = resolveProvider(spec.backend.config, env);
          const backend = { provider, model: spec.backend.config.model, apiBase };
          ctx.task.meta[META_KEY] = { case: identity, summary: skippedSummary(spec, mode, backend, error.message) };
          ctx.skip(error.message);
          return;
        }
        const channel = new EventChannel(ctx.task as RunnerTestCase, identity);
        const summary = await runCase(spec, { mode, client, emit: channel.emit, signal: ctx.signal }).finally(() => channel.close());
        ctx.task.meta[META_KEY] = { case: identity, summary };
        if (summary.status === 'failed') throw new EvalCaseFailure(spec, summary.reasons);
      });
    }
  });
}

/** Reads a pipeline and records its file for watch mode before anything can fail. */
function loadWatched(source: string | URL, file: RunnerTestFile): LoadedPipeline {
  const configPath = source instanceof URL ? fileURLToPath(source) : path.resolve(path.dirname(file.filepath), source);
  addDeps(file, [configPath]);
  return loadPipeline(configPath);
}

function addDeps(file: RunnerTestFile, deps: string[]): void {
  file.meta[DEPS_META_KEY] = [...new Set([...(file.meta[DEPS_META_KEY] ?? []), ...deps])];
}

export class EvalCaseFailure extends Error {
  override name = 'EvalCaseFailure';
  constructor(spec: CaseSpec, reasons: string[]) {
    super(`${spec.name} failed:\n  - ${reasons.join('\n  - ')}`);
  }
}

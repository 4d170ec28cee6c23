// defineEvalSuite: one describe per pipeline, one concurrent test per task × model. Each test
// runs its case's samples, streams events to the reporter, then asserts the verdict.
import { describe, TestRunner, type RunnerTestFile } from 'vitest';
import { expandCases } from '../config/cases.js';
import { loadPipeline, type LoadedPipeline } from '../config/load.js';
import { caseTestSettings, defineCaseTests } from './case-test.js';
import { loadChecks } from './load-checks.js';
import { addDeps, fromTestFile } from './test-file.js';

export interface EvalSuiteOptions {
  /** Per-case timeout in ms (default EVALMATRIX_CASE_TIMEOUT_MS or 30 minutes). */
  timeout?: number;
  env?: Record<string, string | undefined>;
}

/**
 * @param source a pipeline YAML path (relative to the calling test file), a file URL, or an
 *   already loaded pipeline.
 */
export function defineEvalSuite(source: string | URL | LoadedPipeline, options: EvalSuiteOptions = {}): void {
  const settings = caseTestSettings(options);
  const file = TestRunner.getCurrentSuite().file;
  const pipeline = typeof source === 'string' || source instanceof URL ? loadWatched(source, file) : source;
  const cases = expandCases(pipeline);
  addDeps(file, cases.map((c) => c.dataset.resolvedPath));
  describe(pipeline.spec.metadata.name, () => defineCaseTests(cases, settings, pipeline.spec.backends));
}

/** Reads a pipeline and records its file for watch mode before anything can fail. */
function loadWatched(source: string | URL, file: RunnerTestFile): LoadedPipeline {
  const configPath = fromTestFile(source, file);
  addDeps(file, [configPath]);
  return loadPipeline(configPath, { checks: loadChecks() });
}

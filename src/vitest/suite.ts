// defineEvalSuite: one describe per pipeline, one concurrent test per task × model. Each test
// runs its case's samples, streams events to the reporter, then asserts the verdict.
import { describe, TestRunner, type RunnerTestFile } from 'vitest';
import { selectPart } from '../config/case-part.js';
import { expandCases } from '../config/cases.js';
import type { LoadedPipeline } from '../config/load.js';
import { loadEvalPipeline, metricRegistry, type CustomMetrics } from '../runner/load-eval-pipeline.js';
import { caseTestSettings, defineCaseTests, type Env } from './case-test.js';
import { checkSuiteInputs, type SuiteInputs } from './suite-inputs.js';
import { addDeps, fromTestFile } from './test-file.js';

export interface EvalSuiteOptions extends SuiteInputs {
  /** Per-case timeout in ms (default EVALMATRIX_CASE_TIMEOUT_MS or 30 minutes). */
  timeout?: number;
  env?: Record<string, string | undefined>;
  /** Metrics defined in TypeScript (defineMetric, fromAutoevals), named from the YAML's
   *  `implementation` like the built-ins. */
  metrics?: CustomMetrics;
  /** `'i/N'`: only the i-th of N parts of the cases, so one pipeline split over N eval files
   *  spreads over Vitest's workers (README, "Performance"). */
  part?: string;
}

/**
 * @param source a pipeline YAML path (relative to the calling test file), a file URL, or an
 *   already loaded pipeline.
 */
export function defineEvalSuite(source: string | URL | LoadedPipeline, options: EvalSuiteOptions = {}): void {
  const registry = metricRegistry(options.metrics);
  const settings = { ...caseTestSettings(options), registry };
  const file = TestRunner.getCurrentSuite().file;
  const pipeline = typeof source === 'string' || source instanceof URL ? loadWatched(source, file, settings) : source;
  const inputs = checkSuiteInputs(pipeline, options);
  const { cases } = selectPart(expandCases(pipeline), options.part, pipeline.file);
  addDeps(file, cases.map((c) => c.dataset.resolvedPath));
  describe(pipeline.spec.metadata.name, () => defineCaseTests(cases, settings, inputs, pipeline.spec.backends));
}

/** Reads a pipeline and records its file for watch mode before anything can fail. */
function loadWatched(source: string | URL, file: RunnerTestFile, settings: { env: Env; registry: CustomMetrics }): LoadedPipeline {
  const configPath = fromTestFile(source, file);
  addDeps(file, [configPath]);
  return loadEvalPipeline(configPath, { env: settings.env, metrics: settings.registry });
}

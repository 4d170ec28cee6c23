// defineMatrixSuite: a model matrix rendered through a template, one test per entry (per case
// of its rendered pipeline: `demo › <name>` for the shipped template). An entry that does not
// render is a failing test carrying the reason, so a broken entry is seen, not dropped.
import path from 'node:path';
import { describe, test, TestRunner } from 'vitest';
import { selectPart } from '../config/case-part.js';
import { expandCases, type CaseSpec } from '../config/cases.js';
import type { RenderedMatrix } from '../config/matrix.js';
import { metricRegistry, renderEvalMatrix, type CustomMetrics } from '../runner/load-eval-pipeline.js';
import type { Mode } from '../runner/run-case.js';
import { caseTestSettings, defineCaseTests, type Env } from './case-test.js';
import { addDeps, fromTestFile } from './test-file.js';

export interface MatrixSuiteOptions {
  /** The model matrix YAML, relative to the eval file (or a file URL). */
  matrix: string | URL;
  /** The pipeline template with `${{ matrix.<field> }}` placeholders, likewise. */
  template: string | URL;
  /** Run only in this mode; in the other, each entry is a skipped test that says how to run it. */
  onlyIn?: Mode;
  /** Per-case timeout in ms (default EVALMATRIX_CASE_TIMEOUT_MS or 30 minutes). */
  timeout?: number;
  env?: Env;
  /** Metrics defined in TypeScript (defineMetric, fromAutoevals), named from the template. */
  metrics?: CustomMetrics;
  /** `'i/N'`: only the i-th of N parts of the cases, as in defineEvalSuite; the entries that
   *  did not render are reported by part 1. */
  part?: string;
}

export function defineMatrixSuite(options: MatrixSuiteOptions): void {
  const registry = metricRegistry(options.metrics);
  const settings = { ...caseTestSettings(options), registry };
  const file = TestRunner.getCurrentSuite().file;
  const matrixFile = fromTestFile(options.matrix, file);
  const templateFile = fromTestFile(options.template, file);
  // Recorded before rendering, so watch mode reruns this file once a broken matrix is fixed.
  addDeps(file, [matrixFile, templateFile]);
  const matrix = renderEvalMatrix(matrixFile, templateFile, { env: settings.env, metrics: registry });
  const { cases, first } = selectPart(matrix.rendered.flatMap((entry) => expandCases(entry.pipeline)), options.part, matrixFile);
  // Entries that did not render belong to no case: part 1 reports them.
  const skipped = first ? matrix.skipped : [];
  addDeps(file, cases.map((c) => c.dataset.resolvedPath));

  const firstTask = cases[0]?.task.task_id ?? 'matrix';
  const suiteName = cases[0]?.pipeline ?? path.basename(matrixFile);
  describe(suiteName, () => {
    if (options.onlyIn !== undefined && options.onlyIn !== settings.mode) {
      const why = `runs only with EVALMATRIX_MODE=${options.onlyIn}`;
      for (const name of entryTestNames(skipped, cases, firstTask)) test(name, (ctx) => ctx.skip(why));
      return;
    }
    defineCaseTests(cases, settings, undefined, matrix.rendered.flatMap((entry) => entry.pipeline.spec.backends));
    const taken = new Set(cases.map((c) => c.name));
    for (const entry of skipped) {
      const name = `${firstTask} › ${entry.name}`;
      // A duplicate name is one reason to skip; its test must not take the first entry's name.
      test(taken.has(name) ? `${name} (models[${entry.index}])` : name, () => {
        throw new Error(`matrix entry ${entry.name} was not rendered:\n${entry.reason}`);
      });
    }
  });
}

/** Every test name the suite would have, in matrix order. */
function entryTestNames(skipped: RenderedMatrix['skipped'], cases: CaseSpec[], firstTask: string): string[] {
  return [...cases.map((c) => c.name), ...skipped.map((s) => `${firstTask} › ${s.name} (models[${s.index}])`)];
}

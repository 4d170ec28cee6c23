// Config helpers: wire the evalmatrix reporter, setup file, global setup and watch triggers
// into a Vitest config. Reporters and watch triggers live at the root of a Vitest config;
// setup files belong to the project that runs the evals.
import { fileURLToPath } from 'node:url';
import type { TestUserConfig } from 'vitest/config';
import { EvalmatrixReporter, type EvalmatrixReporterOptions } from '../reporter/reporter.js';

type Reporters = NonNullable<TestUserConfig['reporters']>;
type ProjectTest = TestUserConfig & { name?: string };

// Running from src (TypeScript) or dist (JavaScript): point at the sibling of this very file.
const ownExtension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const sibling = (name: string): string => fileURLToPath(new URL(`./${name}${ownExtension}`, import.meta.url));

export const SETUP_FILE = sibling('setup');
export const GLOBAL_SETUP_FILE = sibling('global-setup');
export const DEFAULT_EVAL_INCLUDE = ['evals/**/*.eval.ts'];

export interface EvalmatrixRootOptions extends EvalmatrixReporterOptions {
  /** Reporters to keep beside ours (default: Vitest's `default`). */
  reporters?: Reporters;
}

/**
 * Root-level options: Vitest's reporters plus ours, and watch triggers so that editing a
 * pipeline YAML or dataset reruns exactly the eval files that read it.
 */
export function evalmatrixRoot(options: EvalmatrixRootOptions = {}): Pick<TestUserConfig, 'reporters' | 'watchTriggerPatterns'> {
  const reporter = new EvalmatrixReporter(options);
  const base = options.reporters ?? ['default'];
  return {
    reporters: [...(Array.isArray(base) ? base : [base]), reporter] as Reporters,
    watchTriggerPatterns: [
      {
        pattern: /\.(ya?ml|jsonl?)$/,
        testsToRun: (file: string) => {
          const modules = reporter.modulesDependingOn(file);
          return modules.length > 0 ? modules : undefined;
        },
      },
    ],
  };
}

/** A project that runs eval suites: adds the setup file and global setup to its test options. */
export function evalmatrixProject(test: ProjectTest = {}): { test: ProjectTest } {
  return {
    test: {
      include: DEFAULT_EVAL_INCLUDE,
      ...test,
      setupFiles: [...asArray(test.setupFiles), SETUP_FILE],
      globalSetup: [...asArray(test.globalSetup), GLOBAL_SETUP_FILE],
    },
  };
}

/** The whole `test` block for a config with no projects: root options and the eval setup. */
export function withEvalmatrix(test: ProjectTest = {}, options: EvalmatrixRootOptions = {}): TestUserConfig {
  return { ...evalmatrixProject(test).test, ...evalmatrixRoot(options) };
}

function asArray(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

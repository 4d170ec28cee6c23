// The evalmatrix Vitest plugin. Put it in the plugins of the project that runs eval files:
// it adds the setup file (MSW in mock mode) and the global setup (index on teardown) to that
// project, and — through configureVitest, which runs before Vitest creates its reporters — our
// reporter and the watch triggers to the whole run. Because the reporter is appended after the
// config is resolved, `--reporter=junit` on the command line keeps it. It also tells the workers
// how recordings run (its options, the root, watch mode: recordings.ts).
import { fileURLToPath } from 'node:url';
import type { Vite } from 'vitest/node';
// Loads Vitest's additions to Vite's config types (`test`, configureVitest): without it the
// build, which compiles src/ alone, does not see them.
import type {} from 'vitest/config';
import { EvalmatrixReporter, type EvalmatrixReporterOptions } from '../reporter/reporter.js';
import { reportAfterRun, reportTap } from '../report/after-run.js';
import { collectByRunningFiles } from './collect-mode.js';
import { stopGracefullyOnSignals } from './graceful-stop.js';
import { RECORDINGS_KEY } from './recordings-key.js';
import { provideResumeTarget } from './resume-run.js';
import { semiSpaceFlag } from './young-generation.js';

// Running from src (TypeScript) or dist (JavaScript): point at the sibling of this very file.
const ownExtension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const sibling = (name: string): string => fileURLToPath(new URL(`./${name}${ownExtension}`, import.meta.url));

export const SETUP_FILE = sibling('setup');
export const GLOBAL_SETUP_FILE = sibling('global-setup');

/** Pipeline YAMLs and datasets: editing one reruns the eval files that read it. */
const WATCHED_INPUTS = /\.(ya?ml|jsonl?)$/;

export interface EvalmatrixPluginOptions extends Omit<EvalmatrixReporterOptions, 'afterRun' | 'onEventsWritten'> {
  /** Write runs/<pipeline>/report.html after every run (default true; false turns it off). */
  report?: boolean;
  /** Add a comparison to each report: `previous`, a run id, or a runs/<pipeline> folder (say, main's). */
  baseline?: string;
  /** Recordings mode when EVALMATRIX_RECORD is unset: auto, replay, record or off (default: auto
   *  in watch mode, off otherwise). */
  record?: 'auto' | 'replay' | 'record' | 'off';
  /** Where recordings live, relative to the Vitest root (default evals/__recordings__;
   *  EVALMATRIX_RECORDINGS_DIR wins). */
  recordingsDir?: string;
}

export function evalmatrix(options: EvalmatrixPluginOptions = {}): Vite.Plugin {
  const { report, baseline, record, recordingsDir, ...reporterOptions } = options;
  // The report after each run folds the events in as they are written (report/run-tap.ts).
  const tap = report === false ? undefined : reportTap();
  const reporter = new EvalmatrixReporter({
    ...reporterOptions,
    // The HTML report unless turned off; the CI job summary whenever GITHUB_STEP_SUMMARY is set.
    afterRun: reportAfterRun({ ...(baseline === undefined ? {} : { baseline }), html: report !== false }, tap),
    onEventsWritten: tap?.written,
  });
  return {
    name: 'evalmatrix',
    config() {
      return { test: { setupFiles: [SETUP_FILE], globalSetup: [GLOBAL_SETUP_FILE] } };
    },
    configureVitest({ vitest, project }) {
      const config = vitest.config;
      const youngGeneration = semiSpaceFlag(project.config.pool, project.config.execArgv ?? []);
      if (youngGeneration) project.config.execArgv = [...(project.config.execArgv ?? []), youngGeneration];
      project.provide(RECORDINGS_KEY, {
        root: project.config.root,
        watch: config.watch,
        ...(record === undefined ? {} : { record }),
        ...(recordingsDir === undefined ? {} : { dir: recordingsDir }),
      });
      stopGracefullyOnSignals(vitest);
      collectByRunningFiles(vitest);
      // One reporter per run, even when several projects use the plugin.
      const first = !config.reporters.some((r) => r instanceof EvalmatrixReporter);
      // EVALMATRIX_RESUME: the run to finish, decided once for the reporter and every project's workers.
      provideResumeTarget(vitest, project, reporter);
      if (first) {
        (config.reporters as unknown[]).push(reporter);
        config.watchTriggerPatterns = [
          ...(config.watchTriggerPatterns ?? []),
          {
            pattern: WATCHED_INPUTS,
            testsToRun: (file: string) => {
              const modules = reporter.modulesDependingOn(file);
              return modules.length > 0 ? modules : undefined;
            },
          },
        ];
      }
    },
  };
}

// The main process's part of a resume: pick the run once per Vitest instance (resume-target.ts),
// refuse watch mode (a resume finishes one run; the reruns after it would each resume it
// again), tell the reporter to write into that run, and provide the run to the test workers of
// every project that uses the plugin.
import type { TestProject, Vitest } from 'vitest/node';
import { displayPath } from '../config/display-path.js';
import { outputRoot } from '../reporter/paths.js';
import type { EvalmatrixReporter } from '../reporter/reporter.js';
import { RESUME_KEY, ResumeError, resumeTargetFromEnv, type ResumeTarget } from './resume-target.js';

const decided = new WeakMap<Vitest, ResumeTarget | null>();

export function provideResumeTarget(vitest: Vitest, project: TestProject, reporter: EvalmatrixReporter): void {
  let target = decided.get(vitest);
  if (target === undefined) {
    target = decide(vitest, reporter);
    decided.set(vitest, target);
  }
  project.provide(RESUME_KEY, target);
}

function decide(vitest: Vitest, reporter: EvalmatrixReporter): ResumeTarget | null {
  const root = vitest.config.root;
  const target = resumeTargetFromEnv(outputRoot(root));
  if (!target) return null;
  if (vitest.config.watch) throw new ResumeError('EVALMATRIX_RESUME finishes one run and cannot be used in watch mode: run `npx vitest run …` with it.');
  reporter.resumeInto(target.runId);
  const what = target.rerun === 'errors' ? 'rerunning the failed samples and finishing the unfinished ones of' : 'resuming';
  vitest.logger.log(`evalmatrix: ${what} run ${target.runId} under ${displayPath(target.outRoot, root)}`);
  return target;
}

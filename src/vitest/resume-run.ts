// The main process's part of a resume: pick the run once (resume-target.ts), refuse watch mode
// (a resume finishes one run; the reruns after it would each resume it again), tell the
// reporter to write into that run, and provide the run to every test worker.
import type { Vitest } from 'vitest/node';
import { displayPath } from '../config/display-path.js';
import { outputRoot } from '../reporter/paths.js';
import type { EvalmatrixReporter } from '../reporter/reporter.js';
import { RESUME_KEY, ResumeError, resumeTargetFromEnv } from './resume-target.js';

export function provideResumeTarget(vitest: Vitest, reporter: EvalmatrixReporter): void {
  const root = vitest.config.root;
  const target = resumeTargetFromEnv(outputRoot(root));
  vitest.provide(RESUME_KEY, target ?? null);
  if (!target) return;
  if (vitest.config.watch) throw new ResumeError('EVALMATRIX_RESUME finishes one run and cannot be used in watch mode: run `npx vitest run …` with it.');
  reporter.resumeInto(target.runId);
  const what = target.rerun === 'errors' ? 'rerunning the failed samples and finishing the unfinished ones of' : 'resuming';
  vitest.logger.log(`evalmatrix: ${what} run ${target.runId} under ${displayPath(target.outRoot, root)}`);
}

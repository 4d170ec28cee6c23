// `evalmatrix resume [run] [--errors] [-- <vitest args>]`: runs `vitest run <args>` with
// EVALMATRIX_RESUME (and EVALMATRIX_RERUN=errors) set, so the plugin finishes that run. The
// work is the plugin's (README "Resuming a run"); this is the same thing for a command line.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { CliIO } from './io.js';

export interface ResumeArgs {
  run: string;
  errors: boolean;
  /** What follows `--`: the files and options of the Vitest run, as for `vitest run`. */
  vitestArgs: string[];
}

export async function runResume(args: ResumeArgs, io: CliIO, cwd = process.cwd()): Promise<number> {
  let vitest: string;
  try {
    // Its package exports only package.json; the bin it names is the command.
    const manifest = createRequire(path.join(cwd, 'package.json')).resolve('vitest/package.json');
    const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
    vitest = path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.vitest!);
  } catch {
    io.err(`evalmatrix resume: Vitest is not installed in ${cwd} (npm install -D vitest); resume runs the evals with it.`);
    return 1;
  }
  const env = { ...process.env, EVALMATRIX_RESUME: args.run, ...(args.errors ? { EVALMATRIX_RERUN: 'errors' } : {}) };
  const child = spawn(process.execPath, [vitest, 'run', ...args.vitestArgs], { cwd, env, stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('error', (error) => {
      io.err(`evalmatrix resume: could not start Vitest: ${error.message}`);
      resolve(1);
    });
    // Ctrl-C reaches Vitest too (one process group): it stops gracefully, and its code is ours.
    child.on('close', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

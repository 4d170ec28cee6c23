// The evalmatrix side of the benchmarks, configured as a user would: the evalmatrix() plugin,
// Vitest's default reporter, and evalmatrix loaded as compiled JavaScript that Vitest leaves to
// Node (as it does for an installed package) rather than transforming it.
// Runs from bench/.build/bench/ after `node bench/build.mjs`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { evalmatrix } from '../src/vitest/plugin.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const probe = process.env.BENCH_PROBE_FILE;
const profileDir = process.env.BENCH_CPU_PROF_DIR;

export default defineConfig({
  root: here('./'),
  plugins: [evalmatrix()],
  test: {
    include: ['suite/*.eval.js'],
    // The scale and lag benchmarks watch the worker that runs the cases (see worker-probe.ts);
    // `--profile` profiles it (in a child process: a threads-pool worker is profiled by the
    // main process's own --cpu-prof instead).
    setupFiles: probe ? [here('./suite/worker-probe.js')] : [],
    execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    server: { deps: { external: [/\/bench\/\.build\/src\//] } },
  },
});

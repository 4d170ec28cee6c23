// The evalmatrix side of the benchmarks, configured as a user would: the evalmatrix() plugin
// (from evalmatrix/plugin, as README's Quick start imports it), Vitest's default reporter, and
// evalmatrix an installed package (bench/.build/node_modules/evalmatrix, compiled JavaScript that
// Vite and Vitest leave to Node).
// Runs from bench/.build/bench/ after `node bench/build.mjs`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { evalmatrix } from 'evalmatrix/plugin';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const probe = process.env.BENCH_PROBE_FILE;
const profileDir = process.env.BENCH_CPU_PROF_DIR;
/** Extra node flags for the test worker, for experiments (`--trace-gc`, a V8 flag…). */
const workerFlags = (process.env.BENCH_WORKER_FLAGS ?? '').split(' ').filter((flag) => flag !== '');
/** BENCH_PARTS=2: the pipeline split over suite/part-1 and part-2 (defineEvalSuite's `part`), in two workers. */
const split = process.env.BENCH_PARTS === '2';

export default defineConfig({
  root: here('./'),
  plugins: [evalmatrix()],
  test: {
    include: split ? ['suite/part-*.eval.js'] : ['suite/bench.eval.js'],
    ...(split ? { maxWorkers: 2 } : {}),
    // The scale and lag benchmarks watch the worker that runs the cases (see worker-probe.ts);
    // `--profile` profiles it (in a child process: a threads-pool worker is profiled by the
    // main process's own --cpu-prof instead).
    setupFiles: probe ? [here('./suite/worker-probe.js')] : [],
    execArgv: [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...workerFlags],
  },
});

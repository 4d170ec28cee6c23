// --profile: one overhead run of each side under `node --cpu-prof`, and where their time went.
// Profiles stay in bench/results/profiles/ for Chrome DevTools or speedscope.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ALL_PROVIDERS } from './pipeline.js';
import type { Plan } from './plan.js';
import { summarizeProfile } from './profile-summary.js';
import { runBaseline, runEvalmatrix } from './sides.js';
import { pipelineFile, rowsFile } from './workspace.js';

export async function profileOverhead(plan: Plan['overhead'], dir: string, log: (line: string) => void): Promise<string> {
  const n = plan.sizes[1];
  const file = pipelineFile({ name: 'profile', providers: ALL_PROVIDERS, rowsFile: await rowsFile(n), samples: n, concurrency: plan.concurrency });
  const dirs = { main: path.join(dir, 'evalmatrix-main'), worker: path.join(dir, 'evalmatrix-worker'), baseline: path.join(dir, 'baseline') };
  for (const d of Object.values(dirs)) {
    rmSync(d, { recursive: true, force: true });
    mkdirSync(d, { recursive: true });
  }
  log(`profiling one overhead run of each side (n=${n}) into ${dir}`);
  await runEvalmatrix(file, { BENCH_CPU_PROF_DIR: dirs.worker }, { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dirs.main}`] });
  await runBaseline(file, {}, ['--cpu-prof', `--cpu-prof-dir=${dirs.baseline}`]);
  return Object.entries(dirs)
    .flatMap(([name, d]) => readdirSync(d).map((f) => `== ${name === 'baseline' ? 'baseline' : `evalmatrix ${name} process`}: ${f}\n${summarizeProfile(path.join(d, f), 12)}`))
    .join('\n\n');
}

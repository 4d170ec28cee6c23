// npm run bench [-- --quick] [-- --profile]: runs every benchmark, writes
// bench/results/latest.json (bench/results/quick.json for --quick), prints a table and ends
// with `marginal_ratio=… live_ratio=… startup_s=… peak_rss_mb=…`. --profile then CPU-profiles
// one overhead run of each side and prints where the time went. `--only live,overhead` runs
// just those scenarios and prints their results as JSON (for working on one; no targets).
// Not part of `npm test` or CI.
import { cpus, loadavg } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planFor } from './plan.js';
import { profileOverhead } from './profile.js';
import { renderReport, summaryLine } from './report.js';
import type { Results } from './results.js';
import { faults } from './scenarios/faults.js';
import { lag } from './scenarios/lag.js';
import { latency } from './scenarios/latency.js';
import { live } from './scenarios/live.js';
import { overhead } from './scenarios/overhead.js';
import { scale } from './scenarios/scale.js';
import { watch } from './scenarios/watch.js';
import { recordingsWatch } from './scenarios/recordings-watch.js';
import { round } from './stats.js';
import { checkTargets } from './targets.js';
import { WORK_DIR } from './workspace.js';

const RESULTS_DIR = fileURLToPath(new URL('../../results/', import.meta.url));

const argv = process.argv.slice(2);
const args = new Set(argv);
const plan = planFor(args.has('--quick'));
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((argv[onlyAt + 1] ?? '').split(',')) : undefined;
const log = (line: string): void => console.error(`bench: ${line}`);
const load = (): number => round(loadavg()[0]!, 2);

const started = new Date();
const loadStart = load();
const t0 = performance.now();
/** --only: the named scenarios alone, their results printed as JSON. */
async function runOnly(names: ReadonlySet<string>): Promise<void> {
  const scenarios: Record<string, () => Promise<unknown>> = {
    overhead: () => overhead(plan.overhead, log),
    live: () => live(plan.live, log),
    latency: () => latency(plan.latency, log),
    scale: () => scale(plan.scale, log),
    lag: () => lag(plan.lag, log),
    watch: () => watch(plan.watch, log),
    faults: () => faults(plan.faults, log),
    recordings_watch: () => recordingsWatch(plan.recordingsWatch, log),
  };
  for (const name of names) if (!scenarios[name]) throw new Error(`--only: no scenario "${name}"; known: ${Object.keys(scenarios).join(', ')}`);
  for (const [name, run] of Object.entries(scenarios)) if (names.has(name)) console.log(JSON.stringify({ [name]: await run() }, null, 2));
}

try {
  if (only) await runOnly(only);
  else await runAll();
} finally {
  rmSync(WORK_DIR, { recursive: true, force: true });
}

async function runAll(): Promise<void> {
  const results: Results = {
    mode: plan.mode,
    started_at: started.toISOString(),
    duration_s: 0,
    machine: { cpus: cpus().length, node: process.version, platform: process.platform, load_avg: { start: loadStart, end: 0 } },
    overhead: await overhead(plan.overhead, log),
    live: await live(plan.live, log),
    latency: await latency(plan.latency, log),
    scale: await scale(plan.scale, log),
    lag: await lag(plan.lag, log),
    watch: await watch(plan.watch, log),
    faults: await faults(plan.faults, log),
    recordings_watch: await recordingsWatch(plan.recordingsWatch, log),
  };
  results.duration_s = round((performance.now() - t0) / 1000, 1);
  results.machine.load_avg.end = load();
  results.targets = checkTargets(results);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, plan.mode === 'full' ? 'latest.json' : 'quick.json');
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  if (args.has('--profile')) console.log(await profileOverhead(plan.overhead, path.join(RESULTS_DIR, 'profiles'), log));
  console.log(renderReport(results, results.targets));
  console.log(`results: ${path.relative(process.cwd(), file)}`);
  console.log(summaryLine(results));
}

// The two sides of every benchmark, each run as its own process on the same pipeline file:
// evalmatrix through `vitest run`, and the plain baseline script.
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { collectIndex, pipelineRoots } from '../src/reporter/collect-index.js';
import type { Summary } from '../src/runner/summary.js';
import { heapGrowingPercent } from '../src/vitest/heap-growth.js';
import { polymorphicMaps, polymorphicMapsFlag } from '../src/vitest/polymorphic-maps.js';
import { semiSpaceFlag } from '../src/vitest/young-generation.js';
import { measure, type Measured } from './measure.js';
import type { CaseOutcome } from './outcome.js';

// This file runs as bench/.build/bench/sides.js.
export const BUILT = fileURLToPath(new URL('./', import.meta.url));
export const REPO = path.resolve(BUILT, '../../..');
export const VITEST = path.join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
export const VITEST_CONFIG = path.join(BUILT, 'vitest.config.js');
const BASELINE = path.join(BUILT, 'baseline.js');
const RAW_OPENAI = path.join(BUILT, 'raw-openai.js');

export interface SideRun {
  measured: Measured;
  cases: CaseOutcome[];
}

export interface WorkerProbe {
  lag_ms: { p50: number; p99: number; max: number };
  live_heap_mb: number;
}

export interface EvalmatrixRun extends SideRun {
  /** Lines in every events.jsonl the run wrote (only counted when asked). */
  eventsWritten: number | null;
  /** What suite/worker-probe.ts saw in the test worker (only when asked). */
  probe: WorkerProbe | null;
}

export interface EvalmatrixOptions {
  countEvents?: boolean;
  probe?: boolean;
  /** Extra node flags for the Vitest main process (the profile run passes --cpu-prof). */
  nodeFlags?: string[];
  /** Extra `vitest run` arguments (the threads-pool scale run passes --pool=threads). */
  vitestArgs?: string[];
  /** Read each case's per-sample scores from its events.jsonl (CaseOutcome.scores). */
  sampleScores?: boolean;
}

/** Environment both sides get: offline, quiet, and whatever the scenario adds. */
function sideEnv(extra: Record<string, string>): Record<string, string> {
  return { EVALMATRIX_MODE: 'mock', CI: '1', NO_COLOR: '1', ...extra };
}

/**
 * The runtime settings evalmatrix gives its test worker, given to the other side too, so the two
 * differ only in what they run: V8's old-generation pacing (heap-growth.ts; the worker sets it
 * from its setup file, the other side starts with it) and young-generation size
 * (young-generation.ts), and how many shapes an inline cache tracks (polymorphic-maps.ts). Left to V8's own pacing the baseline collected at other moments than
 * evalmatrix's worker did; measured on the raw loop at 5 x 2,000 live, the pacing changes its
 * CPU time by nothing measurable (4.0-4.3 s either way) and its peak RSS from 180 MB to 130-138 MB.
 */
export function sameRuntimeFlags(env: Record<string, string>): string[] {
  const all = { ...process.env, ...env };
  const percent = heapGrowingPercent(all, []);
  const semiSpace = semiSpaceFlag('forks', [], all);
  const maps = polymorphicMapsFlag(polymorphicMaps(all, []));
  return [...(percent === undefined ? [] : [`--heap-growing-percent=${percent}`]), ...(semiSpace ? [semiSpace] : []), ...(maps ? [maps] : [])];
}

export async function runEvalmatrix(pipelineFile: string, extraEnv: Record<string, string> = {}, options: EvalmatrixOptions = {}): Promise<EvalmatrixRun> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'em-bench-out-'));
  const probeFile = path.join(outDir, 'probe.json');
  try {
    const env = sideEnv({ ...extraEnv, BENCH_PIPELINE: pipelineFile, EVALMATRIX_OUTPUT_DIR: outDir, ...(options.probe ? { BENCH_PROBE_FILE: probeFile } : {}) });
    const args = [...(options.nodeFlags ?? []), VITEST, 'run', '--config', VITEST_CONFIG, ...(options.vitestArgs ?? [])];
    const measured = await measure(process.execPath, args, { env, cwd: REPO });
    if (measured.code !== 0) throw new Error(`evalmatrix run failed (exit ${measured.code}):\n${measured.stdout}\n${measured.stderr}`);
    const summaries = readSummaries(outDir);
    const eventsOf = (file: string): string => path.join(path.dirname(file), 'events.jsonl');
    const cases = await Promise.all(
      summaries.map(async ({ file, summary }) => ({
        model: summary.run.model,
        samples: summary.sample_count,
        errors: summary.error_count,
        mean: summary.metrics[0]?.count ? (summary.metrics[0].raw_values.acc ?? null) : null,
        wall_ms: summary.run.timings.wall_ms,
        ...(options.sampleScores ? { scores: await scoresByRow(eventsOf(file), summary.sample_count) } : {}),
      })),
    );
    const eventsWritten = options.countEvents ? await sumLines(summaries.map((s) => eventsOf(s.file))) : null;
    const probe = options.probe ? (JSON.parse(readFileSync(probeFile, 'utf8')) as WorkerProbe) : null;
    return { measured, cases, eventsWritten, probe };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function runBaseline(pipelineFile: string, extraEnv: Record<string, string> = {}, nodeFlags: string[] = []): Promise<SideRun> {
  const measured = await measure(process.execPath, [...sameRuntimeFlags(extraEnv), ...nodeFlags, BASELINE, pipelineFile], { env: sideEnv(extraEnv), cwd: REPO });
  if (measured.code !== 0) throw new Error(`baseline failed (exit ${measured.code}):\n${measured.stderr}`);
  const lastLine = measured.stdout.trim().split('\n').at(-1) ?? '{}';
  return { measured, cases: (JSON.parse(lastLine) as { cases: CaseOutcome[] }).cases };
}

/** The raw SDK loop of the live benchmark (raw-openai.ts), against `baseUrl`. */
export async function runRawOpenAI(rowsFile: string, samples: number, concurrency: number, baseUrl: string, models: readonly string[], env: Record<string, string>, nodeFlags: string[] = []): Promise<SideRun> {
  const measured = await measure(process.execPath, [...sameRuntimeFlags(env), ...nodeFlags, RAW_OPENAI, rowsFile, String(samples), String(concurrency), baseUrl, ...models], { env: { NO_COLOR: '1', ...env }, cwd: REPO });
  if (measured.code !== 0) throw new Error(`raw openai loop failed (exit ${measured.code}):\n${measured.stderr}`);
  const lastLine = measured.stdout.trim().split('\n').at(-1) ?? '{}';
  return { measured, cases: (JSON.parse(lastLine) as { cases: CaseOutcome[] }).cases };
}

/** '1'/'0' per row from a case's auto_eval_sample events ('-' where none), rows numbered by
 *  their positional sample ids (`piqa-0001` is the first). */
async function scoresByRow(eventsFile: string, rows: number): Promise<string> {
  const scores = new Array<string>(rows).fill('-');
  const lines = createInterface({ input: createReadStream(eventsFile), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.includes('"auto_eval_sample"')) continue;
    const event = JSON.parse(line) as { sample_id: string; payload: { score: number } };
    const row = Number(/(\d+)$/.exec(event.sample_id)?.[1]) - 1;
    if (row >= 0 && row < rows) scores[row] = event.payload.score === 1 ? '1' : '0';
  }
  return scores.join('');
}

function readSummaries(outDir: string): { file: string; summary: Summary }[] {
  return pipelineRoots(outDir).flatMap((root) =>
    collectIndex(root).index.items.map((item) => {
      const file = path.join(root, ...item.path.split('/'));
      return { file, summary: JSON.parse(readFileSync(file, 'utf8')) as Summary };
    }),
  );
}

async function sumLines(files: string[]): Promise<number> {
  let lines = 0;
  for (const file of files) {
    for await (const chunk of createReadStream(file)) {
      for (let i = (chunk as Buffer).indexOf(10); i !== -1; i = (chunk as Buffer).indexOf(10, i + 1)) lines += 1;
    }
  }
  return lines;
}

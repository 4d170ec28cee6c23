// Runs the resume fixture project (test/fixtures/resume-suite: two pipelines, three cases) with
// real Vitest, stops it mid-way, and reads what a run left: summaries comparable across runs
// (all but timings and the run's identity) and the scoring events of every case.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseDirs, readEvents, readSummary, runFixture, startFixture, waitFor, type FixtureRun } from './fixture-run.js';
import type { Summary } from '../../src/runner/summary.js';

export const RESUME_DIR = fileURLToPath(new URL('../fixtures/resume-suite/', import.meta.url));
export const PIPELINES = ['resume_plain', 'resume_trials'] as const;
/** Samples per plain case (two cases), questions of the trials case (three trials, two metrics). */
export const SAMPLES = 300;
export const QUESTIONS = 80;
/** auto_eval_sample events of a whole run. */
export const TOTAL_SCORES = 2 * SAMPLES + QUESTIONS * 3 * 2;

let rowsFile: string | undefined;
function rows(): string {
  if (!rowsFile) {
    rowsFile = path.join(mkdtempSync(path.join(tmpdir(), 'em-resume-rows-')), 'rows.jsonl');
    writeFileSync(rowsFile, Array.from({ length: SAMPLES }, (_, i) => JSON.stringify({ goal: `goal ${i}`, sol1: 'one', sol2: 'two', label: i % 3 === 0 ? 1 : 0 })).join('\n') + '\n');
  }
  return rowsFile;
}

export const env = (extra: Record<string, string> = {}): Record<string, string> => ({ RESUME_ROWS: rows(), RESUME_QUESTIONS: String(QUESTIONS), ...extra });

export function runResumeSuite(outDir: string | undefined, extra: Record<string, string> = {}, args: string[] = []): Promise<FixtureRun> {
  return runFixture(env(extra), args, RESUME_DIR, outDir);
}

/** Every case folder of both pipelines. */
export const allCaseDirs = (outDir: string): string[] => PIPELINES.flatMap((p) => caseDirs(outDir, p));

function scoresOnDisk(outDir: string): number {
  let n = 0;
  for (const dir of allCaseDirs(outDir)) {
    const file = path.join(dir, 'events.jsonl');
    if (existsSync(file)) n += readFileSync(file, 'utf8').split('"event":"auto_eval_sample"').length - 1;
  }
  return n;
}

/** Starts the suite with slow mocks and stops it with `signal` once about half its scores are on disk. */
export async function interruptHalfWay(signal: 'SIGKILL' | 'SIGTERM', extra: Record<string, string> = {}): Promise<{ outDir: string; code: number | null; output: string }> {
  const run = startFixture(['run'], env({ EVALMATRIX_MOCK_LATENCY_MS: '40', ...extra }), undefined, RESUME_DIR);
  const closed = new Promise<number | null>((resolve) => run.child.on('close', (code) => resolve(code)));
  try {
    await waitFor(() => scoresOnDisk(run.outDir) >= TOTAL_SCORES / 2, 90_000, `half the scores on disk; output so far:\n${run.output()}`);
  } finally {
    if (signal === 'SIGKILL') process.kill(-run.child.pid!, 'SIGKILL');
    else run.child.kill(signal);
  }
  return { outDir: run.outDir, code: await closed, output: run.output() };
}

/** A summary as it must equal across an interrupted-and-resumed run and an uninterrupted one:
 *  all but timings and the run's identity, numbers to 12 significant digits (sums taken in
 *  another order differ in the last bits). */
export function comparable(summary: Summary): unknown {
  const { timings: _timings, run_id: _id, run_dir: _dir, ...run } = summary.run;
  return JSON.parse(JSON.stringify({ ...summary, run }, (_key, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(12)) : value)));
}

/** pipeline/model/task → comparable summary. */
export function summariesOf(outDir: string): Record<string, unknown> {
  return Object.fromEntries(allCaseDirs(outDir).map((dir) => [path.relative(outDir, path.dirname(dir)), comparable(readSummary(dir))]));
}

/** How many auto_eval_sample events each (sample, trial, metric) has in a case's events.jsonl. */
export function scoreCounts(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of readEvents(dir)) {
    if (e.event !== 'auto_eval_sample') continue;
    const key = `${e.sample_id}#${e.payload.trial ?? 0}#${e.payload.metric_id}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

// Runs the fixture eval project (test/fixtures/suite) with real Vitest in a child process and
// reads what it left behind. A child keeps the nested run's workers, MSW and env apart from
// the test that drives it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writtenEventSchema, type WrittenEvent } from '../../src/runner/events.js';
import { summarySchema, type Summary } from '../../src/runner/summary.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/suite/', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VITEST_BIN = path.join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');

export interface FixtureRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  outDir: string;
}

export function freshOutDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'em-fixture-'));
}

/** `dir`: another fixture project under test/fixtures (default: the suite). */
export function startFixture(args: string[], env: Record<string, string>, outDir = freshOutDir(), dir = FIXTURE_DIR): { child: ChildProcess; outDir: string; output: () => string } {
  const child = spawn(process.execPath, [VITEST_BIN, ...args, '--config', path.join(dir, 'vitest.config.ts')], {
    cwd: dir,
    env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', EVALMATRIX_OUTPUT_DIR: outDir, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, so a test can stop the run and every worker it started at once.
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return { child, outDir, output: () => output };
}

export function runFixture(env: Record<string, string> = {}, extraArgs: string[] = [], dir = FIXTURE_DIR, into?: string): Promise<FixtureRun> {
  const { child, outDir, output } = startFixture(['run', ...extraArgs], env, into, dir);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output: output(), outDir }));
  });
}

export const PIPELINE = 'mini_pipeline';

/** Every case folder (…/<model>/<task>/<run_id>) under the pipeline root. */
export function caseDirs(outDir: string, pipeline = PIPELINE): string[] {
  const root = path.join(outDir, pipeline);
  const dirs: string[] = [];
  if (!existsSync(root)) return dirs;
  for (const model of readdirSync(root, { withFileTypes: true })) {
    if (!model.isDirectory()) continue;
    for (const task of readdirSync(path.join(root, model.name))) {
      for (const run of readdirSync(path.join(root, model.name, task))) dirs.push(path.join(root, model.name, task, run));
    }
  }
  return dirs.sort();
}

export function readEvents(dir: string): WrittenEvent[] {
  const text = readFileSync(path.join(dir, 'events.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => writtenEventSchema.parse(JSON.parse(l)));
}

export function readSummary(dir: string): Summary {
  return summarySchema.parse(JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')));
}

export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

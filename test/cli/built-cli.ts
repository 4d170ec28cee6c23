// Subprocess tests run the CLI as users do: `node bin/evalmatrix.js`, which imports dist/.
// `npm ci` builds dist/ (prepare). When a source file is newer than the build — while
// developing — it is rebuilt once, under a lock, so test files running in parallel neither
// build twice nor run a half-written dist/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(REPO_ROOT, 'bin', 'evalmatrix.js');
const BUILT = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
const LOCK = path.join(tmpdir(), `evalmatrix-build-${Buffer.from(REPO_ROOT).toString('hex').slice(-24)}.lock`);

function newestSource(dir = path.join(REPO_ROOT, 'src')): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function fresh(): boolean {
  try {
    return statSync(BUILT).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

const pause = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Makes dist/ current; throws with the compiler's output when it cannot. */
export function ensureBuilt(): void {
  while (!fresh()) {
    try {
      mkdirSync(LOCK);
    } catch {
      // Another test file is building; a lock older than two minutes is left from a killed run.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      pause(250);
      continue;
    }
    try {
      if (fresh()) return;
      const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      // tsc emits even with type errors elsewhere (those are the typecheck's business); only a
      // build that leaves dist/ stale is a failure here.
      const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, encoding: 'utf8' });
      if (!fresh()) throw new Error(`npm run build did not produce a current dist/:\n${result.stdout}${result.stderr}`);
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const QUIET = { NO_COLOR: '1', FORCE_COLOR: '0' };

/** Runs `evalmatrix <args>` to completion. */
export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  const child = startCli(args, options);
  return new Promise((resolve, reject) => {
    child.process.on('error', reject);
    child.process.on('close', (code) => resolve({ code, stdout: child.stdout(), stderr: child.stderr() }));
  });
}

export interface RunningCli {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once stdout contains `text`; rejects if the process ends first. */
  waitFor: (text: string) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...QUIET, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const listener of listeners) listener();
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      for (const listener of listeners) listener();
      resolve({ code, signal });
    }),
  );
  const waitFor = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (stdout.includes(text)) {
          listeners.delete(check);
          resolve();
        } else if (child.exitCode !== null || child.signalCode !== null) {
          listeners.delete(check);
          reject(new Error(`evalmatrix ${args.join(' ')} ended before printing "${text}":\n${stdout}${stderr}`));
        }
      };
      listeners.add(check);
      check();
    });
  return { process: child, stdout: () => stdout, stderr: () => stderr, waitFor, exited };
}

// Runs one side of a benchmark as a child process: wall time from spawn to exit, CPU time of
// the process and every child it waited for (through /usr/bin/time, where there is one: on a
// busy machine CPU time is steadier than wall time), and the peak RSS of the whole process tree
// sampled every 100 ms.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { treeRssBytes } from './process-tree.js';

const TIME = '/usr/bin/time';

export interface Measured {
  /** Epoch ms when the process was spawned and when it had exited. */
  spawnedAt: number;
  exitedAt: number;
  wallS: number;
  /** User + system seconds; null without /usr/bin/time. */
  cpuS: number | null;
  peakRssMb: number | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
}

const RSS_SAMPLE_MS = 100;

export function measure(command: string, args: string[], options: RunOptions = {}): Promise<Measured> {
  const timeDir = existsSync(TIME) ? mkdtempSync(path.join(tmpdir(), 'em-bench-time-')) : undefined;
  const timeFile = timeDir && path.join(timeDir, 'cpu');
  const [cmd, argv] = timeFile ? [TIME, ['-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const spawnedAt = Date.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let peak: number | null = null;
  const sample = (): void => {
    const rss = child.pid === undefined ? null : treeRssBytes(child.pid);
    if (rss !== null) peak = Math.max(peak ?? 0, rss);
  };
  const timer = setInterval(sample, RSS_SAMPLE_MS);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const wallS = (performance.now() - started) / 1000;
      const cpuS = timeFile ? cpuSeconds(timeFile) : null;
      if (timeDir) rmSync(timeDir, { recursive: true, force: true });
      resolve({ spawnedAt, exitedAt: Date.now(), wallS, cpuS, peakRssMb: peak === null ? null : Math.round(peak / 2 ** 20), code, stdout, stderr });
    });
  });
}

/** `/usr/bin/time -f '%U %S'` writes "user system" as its last line (after any exit note). */
function cpuSeconds(file: string): number | null {
  const last = readFileSync(file, 'utf8').trim().split('\n').at(-1) ?? '';
  const [user, system] = last.split(' ').map(Number);
  return user === undefined || system === undefined || Number.isNaN(user + system) ? null : user + system;
}

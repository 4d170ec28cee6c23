// `vitest --watch` on the benchmark suite as a child process, for the watch benchmarks: wait for
// a run to end (the reporter's index line for it), edit, wait for the rerun.
import { spawn } from 'node:child_process';
import { REPO, VITEST, VITEST_CONFIG } from './sides.js';

/** Printed by the evalmatrix reporter at the end of every run. */
const RUN_END = /summary\.index\.json \(\d+ items?\)/g;

export interface WatchSession {
  /** Runs ended so far (the first run included). */
  runsEnded(): number;
  /** Resolves when more than `after` runs have ended. */
  nextRunEnd(after: number): Promise<void>;
  /** Stops the run and its workers. */
  stop(): void;
}

export function startWatch(env: Record<string, string>): WatchSession {
  const child = spawn(process.execPath, [VITEST, '--watch', '--config', VITEST_CONFIG], {
    cwd: REPO,
    env: { ...process.env, CI: '1', NO_COLOR: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true, // its own process group: stopping it stops its workers too
  });
  let output = '';
  let runsEnded = 0;
  let onRunEnd: (() => void) | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    const ended = (output.match(RUN_END) ?? []).length;
    if (ended > runsEnded) {
      runsEnded = ended;
      onRunEnd?.();
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return {
    runsEnded: () => runsEnded,
    nextRunEnd: (after) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`watch: no run end within 120 s; output:\n${output}`)), 120_000);
        onRunEnd = () => {
          if (runsEnded <= after) return;
          clearTimeout(timer);
          resolve();
        };
        onRunEnd();
      }),
    stop() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

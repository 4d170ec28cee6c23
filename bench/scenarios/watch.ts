// Watch rerun: `vitest --watch` on a 2,000-sample suite; after the first run, edit the prompt
// in the pipeline YAML and time until the rerun has ended (the reporter's index line for it).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plan } from '../plan.js';
import { REPO, VITEST, VITEST_CONFIG } from '../sides.js';
import { median, round } from '../stats.js';
import { pipelineFile, rowsFile } from '../workspace.js';

export interface WatchResult {
  samples: number;
  concurrency: number;
  /** Seconds from writing the edited YAML to the end of each rerun. */
  reruns_s: number[];
  median_s: number;
}

/** Printed by the evalmatrix reporter at the end of every run. */
const RUN_END = /summary\.index\.json \(\d+ items\)/g;
const INSTRUCTION = 'Reply like this: The answer is A.';

export async function watch(plan: Plan['watch'], log: (line: string) => void): Promise<WatchResult> {
  const file = pipelineFile({ name: 'watch', providers: ['openai'], rowsFile: await rowsFile(plan.samples), samples: plan.samples, concurrency: plan.concurrency, instruction: INSTRUCTION });
  const outDir = mkdtempSync(path.join(tmpdir(), 'em-bench-watch-'));
  const child = spawn(process.execPath, [VITEST, '--watch', '--config', VITEST_CONFIG], {
    cwd: REPO,
    env: { ...process.env, EVALMATRIX_MODE: 'mock', CI: '1', NO_COLOR: '1', BENCH_PIPELINE: file, EVALMATRIX_OUTPUT_DIR: outDir },
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
  const nextRunEnd = (after: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`watch: no run end within 120 s; output:\n${output}`)), 120_000);
      onRunEnd = () => {
        if (runsEnded <= after) return;
        clearTimeout(timer);
        resolve();
      };
      onRunEnd();
    });

  try {
    await nextRunEnd(0);
    const reruns: number[] = [];
    for (let edit = 1; edit <= plan.edits; edit++) {
      const before = runsEnded;
      const yaml = readFileSync(file, 'utf8');
      const started = performance.now();
      writeFileSync(file, yaml.replace(/Reply like this: The answer is A\.( \(edit \d+\))?/, `${INSTRUCTION} (edit ${edit})`));
      await nextRunEnd(before);
      reruns.push(round((performance.now() - started) / 1000, 2));
      log(`watch rerun ${edit}/${plan.edits}: ${reruns.at(-1)} s`);
    }
    return { samples: plan.samples, concurrency: plan.concurrency, reruns_s: reruns, median_s: round(median(reruns), 2) };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(outDir, { recursive: true, force: true });
  }
}

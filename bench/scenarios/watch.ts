// Watch rerun: `vitest --watch` on a 2,000-sample suite; after the first run, edit the prompt
// in the pipeline YAML and time until the rerun has ended (the reporter's index line for it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plan } from '../plan.js';
import { median, round } from '../stats.js';
import { startWatch } from '../watch-session.js';
import { pipelineFile, rowsFile } from '../workspace.js';

export interface WatchResult {
  samples: number;
  concurrency: number;
  /** Seconds from writing the edited YAML to the end of each rerun. */
  reruns_s: number[];
  median_s: number;
}

/** Printed by the evalmatrix reporter at the end of every run. */
const RUN_END = /summary\.index\.json \(\d+ items?\)/g;
const INSTRUCTION = 'Reply like this: The answer is A.';

export async function watch(plan: Plan['watch'], log: (line: string) => void): Promise<WatchResult> {
  const file = pipelineFile({ name: 'watch', providers: ['openai'], rowsFile: await rowsFile(plan.samples), samples: plan.samples, concurrency: plan.concurrency, instruction: INSTRUCTION });
  const outDir = mkdtempSync(path.join(tmpdir(), 'em-bench-watch-'));
  const session = startWatch({ EVALMATRIX_MODE: 'mock', BENCH_PIPELINE: file, EVALMATRIX_OUTPUT_DIR: outDir });
  try {
    await session.nextRunEnd(0);
    const reruns: number[] = [];
    for (let edit = 1; edit <= plan.edits; edit++) {
      const before = session.runsEnded();
      const yaml = readFileSync(file, 'utf8');
      const started = performance.now();
      writeFileSync(file, yaml.replace(/Reply like this: The answer is A\.( \(edit \d+\))?/, `${INSTRUCTION} (edit ${edit})`));
      await session.nextRunEnd(before);
      reruns.push(round((performance.now() - started) / 1000, 2));
      log(`watch rerun ${edit}/${plan.edits}: ${reruns.at(-1)} s`);
    }
    return { samples: plan.samples, concurrency: plan.concurrency, reruns_s: reruns, median_s: round(median(reruns), 2) };
  } finally {
    session.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}

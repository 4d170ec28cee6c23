// Scratch files of a benchmark run, under bench/.build/work (inside the Vitest root, so the
// watch benchmark's edits are seen): generated rows, one per size, and the pipeline YAMLs.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePipeline, type BenchPipeline } from './pipeline.js';
import { writePiqaRows } from './rows.js';

export const WORK_DIR = fileURLToPath(new URL('./work/', import.meta.url));

export async function rowsFile(count: number): Promise<string> {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = path.join(WORK_DIR, `piqa-rows-${count}.jsonl`);
  if (!existsSync(file)) await writePiqaRows(file, count);
  return file;
}

/** Writes `<name>.yaml` for the pipeline and returns its path. */
export function pipelineFile(p: BenchPipeline): string {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = path.join(WORK_DIR, `${p.name}.yaml`);
  writePipeline(file, p);
  return file;
}

// Where outputs go, and the names that may appear in a path.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sanitizeSegment } from '../config/path-segment.js';

export { sanitizeSegment };

/** `YYYYMMDD-HHMMSS-xxxxxx`, UTC, shared by every case of one run. */
export function newRunId(now = new Date()): string {
  const iso = now.toISOString(); // 2026-11-22T03:15:00.000Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** The runs/ root: EVALMATRIX_OUTPUT_DIR (relative to the project root) or <root>/runs. */
export function outputRoot(projectRoot: string, env: Record<string, string | undefined> = process.env): string {
  const configured = env.EVALMATRIX_OUTPUT_DIR;
  return path.resolve(projectRoot, configured && configured.trim() !== '' ? configured : 'runs');
}

export function pipelineRoot(outRoot: string, pipeline: string): string {
  return path.join(outRoot, sanitizeSegment(pipeline));
}

/** run_dir as written in summary.json: POSIX, relative to the pipeline root. */
export function runDir(model: string, taskId: string, runId: string): string {
  return [model, taskId, runId].map(sanitizeSegment).join('/');
}

// Where outputs go, and the names that may appear in a path.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sanitizeSegment } from '../config/folder-name.js';

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

const RUN_ID = /^\d{8}-\d{6}-[0-9a-f]{6}$/;

/**
 * EVALMATRIX_RUN_ID: a run id given from outside, so the shards of one CI run (each its own
 * Vitest process, perhaps on its own machine) write under one run id and their folders merge into
 * one run. Undefined when unset; an error naming the variable when it is not a run id.
 */
export function runIdFromEnv(env: Record<string, string | undefined> = process.env): { runId: string } | { error: string } | undefined {
  const value = env.EVALMATRIX_RUN_ID?.trim();
  if (value === undefined || value === '') return undefined;
  if (RUN_ID.test(value)) return { runId: value };
  return { error: `EVALMATRIX_RUN_ID="${value.slice(0, 40)}" is not a run id: give YYYYMMDD-HHMMSS-xxxxxx (UTC time, 6 lowercase hex), e.g. $(date -u +%Y%m%d-%H%M%S)-$(openssl rand -hex 3); this run uses a new one` };
}

/** The run ids of one reporter: EVALMATRIX_RUN_ID for its first run (a watch rerun is a run of
 *  its own, with a new id), else a new one each time. A bad value is said through `fail`. */
export function runIdSequence(fail: (message: string) => void, env: Record<string, string | undefined> = process.env): () => string {
  let runs = 0;
  return () => {
    const given = runs++ === 0 ? runIdFromEnv(env) : undefined;
    if (given && 'error' in given) fail(given.error);
    return given && 'runId' in given ? given.runId : newRunId();
  };
}

// Temp files of an atomic write (`<file>.<pid>.<hex>.tmp`) are renamed into place at once; one
// is left behind only when its writer was killed between the write and the rename. The next
// index rebuild of the pipeline removes those whose writer is gone (or that are old enough that
// its pid may have been reused), and leaves alone a concurrent writer's.
import { rmSync, statSync } from 'node:fs';

const TEMP_NAME = /^.+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** A temp file older than this is stale whoever holds its pid now: a write takes milliseconds. */
export const STALE_TEMP_AGE_MS = 10 * 60_000;

/** The writer's pid when `name` is an atomic write's temp file. */
export function tempWriterPid(name: string): number | undefined {
  const match = TEMP_NAME.exec(name);
  return match ? Number(match[1]) : undefined;
}

export function isStaleTemp(pid: number, ageMs: number, alive: (pid: number) => boolean = processAlive): boolean {
  return pid === process.pid || ageMs > STALE_TEMP_AGE_MS || !alive(pid);
}

/** Removes `file` when it is a stale temp file; true when it did. */
export function removeIfStaleTemp(file: string, name: string, now = Date.now()): boolean {
  const pid = tempWriterPid(name);
  if (pid === undefined) return false;
  try {
    if (!isStaleTemp(pid, now - statSync(file).mtimeMs)) return false;
    rmSync(file, { force: true });
    return true;
  } catch {
    return false; // gone already, or not ours to remove
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

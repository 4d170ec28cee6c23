// A lock beside a recordings file (`<file>.lock`, created exclusively), held while lines are
// appended or the file is rewritten, so processes recording into one file — two eval files of a
// pipeline, two runs at once — never interleave their lines or lose them to a rewrite. A lock
// left by a killed process is taken over once it is older than any holder keeps it.
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** No holder keeps the lock this long (a rewrite of a large file takes well under a second). */
const STALE_MS = 30_000;
/** How long to wait for the lock before saying who holds it. */
const GIVE_UP_MS = 120_000;

export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
}

/** Runs `fn` holding the lock of `file`; the lock goes when `fn` settles. */
export async function withFileLock<T>(file: string, fn: () => T | Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  const started = Date.now();
  for (let wait = 2; !tryLock(lock); wait = Math.min(wait * 2, 50)) {
    if (Date.now() - started > GIVE_UP_MS) {
      throw new LockTimeoutError(`waited ${GIVE_UP_MS / 1000} s for ${lock}; if no evalmatrix run is recording, delete it`);
    }
    await sleep(wait);
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function tryLock(lock: string): boolean {
  try {
    const fd = openSync(lock, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const held = statSync(lock, { throwIfNoEntry: false });
    // Left by a process that died holding it: take it over on the next try.
    if (held && Date.now() - held.mtimeMs > STALE_MS) rmSync(lock, { force: true });
    return false;
  }
}

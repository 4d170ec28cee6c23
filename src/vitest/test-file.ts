// The eval file a suite is defined in: where its relative paths start, and the files it read
// (configs, datasets), recorded so that editing one reruns this file in watch mode.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunnerTestFile } from 'vitest';
import { DEPS_META_KEY } from '../reporter/protocol.js';

/** A path relative to the eval file, or a file URL, as an absolute path. */
export function fromTestFile(source: string | URL, file: RunnerTestFile): string {
  return source instanceof URL ? fileURLToPath(source) : path.resolve(path.dirname(file.filepath), source);
}

/** Record files the eval file depends on; undefined entries (datasets without a file) are skipped. */
export function addDeps(file: RunnerTestFile, deps: ReadonlyArray<string | undefined>): void {
  const known = deps.filter((dep): dep is string => dep !== undefined);
  file.meta[DEPS_META_KEY] = [...new Set([...(file.meta[DEPS_META_KEY] ?? []), ...known])];
}

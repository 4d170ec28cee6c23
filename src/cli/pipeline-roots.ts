// Which pipeline folders a report or compare command means when --root is not given: those
// under the output root (runs/, or EVALMATRIX_OUTPUT_DIR) that hold runs.
import path from 'node:path';
import { displayPath } from '../config/display-path.js';
import { outputRoot } from '../reporter/paths.js';
import { pipelineFolders } from '../report/read/case-folders.js';

export function rootsFromOption(root: string | undefined): { roots: string[] } | { error: string } {
  if (root !== undefined) return { roots: [path.resolve(root)] };
  const outRoot = outputRoot(process.cwd());
  const roots = pipelineFolders(outRoot);
  if (roots.length === 0) {
    return { error: `no runs under ${displayPath(outRoot)}. Run the evals first (npx vitest run evals/), or pass --root runs/<pipeline>.` };
  }
  return { roots };
}

/** The one pipeline folder when there is exactly one, else a message that lists them. */
export function soleRoot(root: string | undefined): { root: string | undefined; hint: string } {
  const found = rootsFromOption(root);
  if ('error' in found) return { root: undefined, hint: found.error };
  if (found.roots.length === 1) return { root: found.roots[0], hint: '' };
  return { root: undefined, hint: `several pipelines hold runs (${found.roots.map((r) => displayPath(r)).join(', ')}); pass --root runs/<pipeline>` };
}

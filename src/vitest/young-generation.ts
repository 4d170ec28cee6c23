// The young generation of each forked test worker: V8 lets a busy process's semi-spaces grow to
// 16 MB each, and an eval's steady stream of short-lived request, SDK and event objects makes a
// worker grow them to the full 32 MB of new space. Capped at 4 MB a semi-space, the worker held
// 30-34 MB less for no measurable CPU time (README "Performance": 5 x 2,000 live, CPU 7.2-7.9 s
// either way, worker 160-168 MB -> 133-134 MB; 10,000 samples offline, CPU 4.5-4.6 s either
// way, tree 328-335 MB -> 296-306 MB). A semi-space is sized when the process starts, so the
// flag goes on the forked workers' command line (a worker thread takes no such flag: the
// threads pool is left alone). EVALMATRIX_SEMI_SPACE_MB sets another size; 0 leaves V8's own,
// and so does a --max-semi-space-size the workers are given already.
import { v8Setting } from './v8-setting.js';

const FLAG = 'max-semi-space-size';

/** What an unset EVALMATRIX_SEMI_SPACE_MB means. */
export const DEFAULT_SEMI_SPACE_MB = 4;

/** Pools whose workers are processes started with the project's execArgv. */
const FORKED_POOLS = new Set(['forks', 'vmForks']);

/** The flag for a project's workers, or undefined to start them as they are. */
export function semiSpaceFlag(pool: string, execArgv: readonly string[], env: Record<string, string | undefined> = process.env): string | undefined {
  if (!FORKED_POOLS.has(pool)) return undefined;
  const mb = v8Setting({ flag: FLAG, variable: 'EVALMATRIX_SEMI_SPACE_MB', fallback: DEFAULT_SEMI_SPACE_MB, unit: 'MB' }, env, execArgv);
  return mb === undefined ? undefined : `--${FLAG}=${mb}`;
}

// How many object shapes one of V8's inline caches tracks before it gives up on them
// (--max-valid-polymorphic-map-count, 4 by default). The Jinja interpreter (@huggingface/jinja)
// makes its runtime values from a dozen subclasses of one base class whose field initializer
// then sees a dozen shapes; past four, on Node 20's V8 each field definition takes a slow
// runtime path, and that was 60% of a prompt's render time. At 8 a render of the benchmark's
// PIQA prompt takes 5 µs instead of 17 (100,000 renders, 3 runs each); the live benchmark's
// per-sample figures are in README "Performance". The flag changes only how fast property
// access is, never what a program does, and V8 reads it each time a cache changes state, so it
// is set when the worker loads the setup file, for the whole process: in the threads pool
// Vitest's main thread has it too. EVALMATRIX_POLYMORPHIC_MAPS sets another count; 0 leaves
// V8's own, and so does the flag given to the worker already.
import { setFlagsFromString } from 'node:v8';
import { v8Setting } from './v8-setting.js';

const FLAG = 'max-valid-polymorphic-map-count';

/** What an unset EVALMATRIX_POLYMORPHIC_MAPS means. */
export const DEFAULT_POLYMORPHIC_MAPS = 8;

/** The count to apply, or undefined to leave V8 alone. */
export function polymorphicMaps(env: Record<string, string | undefined> = process.env, execArgv: readonly string[] = process.execArgv): number | undefined {
  return v8Setting({ flag: FLAG, variable: 'EVALMATRIX_POLYMORPHIC_MAPS', fallback: DEFAULT_POLYMORPHIC_MAPS, unit: 'shapes' }, env, execArgv);
}

/** The flag as a command line takes it (the benchmark's other sides get it too), or undefined. */
export function polymorphicMapsFlag(count: number | undefined): string | undefined {
  return count === undefined ? undefined : `--${FLAG}=${count}`;
}

export function applyPolymorphicMaps(count: number | undefined = polymorphicMaps()): void {
  const flag = polymorphicMapsFlag(count);
  if (flag) setFlagsFromString(flag);
}

// While an eval file runs, V8 collects the test worker's old generation once it has grown
// EVALMATRIX_HEAP_GROWING_PERCENT (100 by default) past what the last full collection kept,
// instead of its own pacing. Left alone, V8 lets an offline run's old generation reach several
// times its live size before collecting (a 30 MB live heap, 150-210 MB of old space over
// 100,000 samples), because a steady stream of each sample's fetch, SDK and mock objects is
// promoted and dies there. `--heap-growing-percent` fixes that factor: no cap (nothing can run
// out of memory because of it), only more frequent full collections, which now cost nothing
// measurable since the mock router stopped promoting most of a request (router.ts): three
// alternating pairs of 100,000-sample scale runs took a median 29.0 s with it and 29.2 s
// without, and peaked at 338-344 MB against 465-476 MB (see README, Performance). It is a process-wide V8 flag: the plugin's setup file holds
// it from before the eval file is collected (a limit V8 computes stands until its next full GC,
// so setting it at case start would be too late for the first one) until the file ends, then
// V8's default is put back. 0 leaves V8's pacing alone, and so does a --heap-growing-percent the
// worker was started with.
import { setFlagsFromString } from 'node:v8';
import { v8Setting } from './v8-setting.js';

const FLAG = 'heap-growing-percent';

/** What an unset EVALMATRIX_HEAP_GROWING_PERCENT means. */
export const DEFAULT_HEAP_GROWING_PERCENT = 100;

/** The percentage to apply while cases run, or undefined to leave V8 alone. */
export function heapGrowingPercent(env: Record<string, string | undefined> = process.env, execArgv: readonly string[] = process.execArgv): number | undefined {
  return v8Setting({ flag: FLAG, variable: 'EVALMATRIX_HEAP_GROWING_PERCENT', fallback: DEFAULT_HEAP_GROWING_PERCENT, unit: 'percent' }, env, execArgv);
}

let holders = 0;

/** Applies the pacing until the returned function is called (nested holds count). */
export function holdHeapGrowth(percent: number | undefined): () => void {
  if (percent === undefined) return () => {};
  if (holders++ === 0) setFlagsFromString(`--${FLAG}=${percent}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // 0 is V8's default: the factor computed from GC speed and allocation rate.
    if (--holders === 0) setFlagsFromString(`--${FLAG}=0`);
  };
}

// On request (EVALMATRIX_HEAP_GROWING_PERCENT), V8 collects the test worker's old generation
// more often while an eval file runs, trading CPU for a lower peak RSS. An offline case
// allocates fast, and each sample's fetch/SDK/mock objects live about as long as the gap
// between two young-generation collections, so a steady stream of them is promoted and
// dies there; V8's own pacing then lets the old generation reach up to 4× what survived its
// last full collection before collecting again (measured: a 30 MB live heap, 150 MB of old
// space). `--heap-growing-percent` fixes that factor instead: no cap (nothing can run out of
// memory because of it), only more frequent full collections. It is a process-wide V8 flag:
// the plugin's setup file holds it from before the eval file is collected (a limit V8 computes
// stands until its next full GC, so setting it at case start would be too late for the first
// one) until the file ends, then V8's default is put back. Off by default: at 20 the 100k-sample
// scale run peaked at 302-307 MB instead of ~420 MB, but the worker spent ~40% more CPU and the
// per-sample cost rose to 1.24x the baseline's (1.07x without) — see README, Performance. Unset
// or 0 leaves V8's pacing alone, and so does a --heap-growing-percent the worker was started with.
import { setFlagsFromString } from 'node:v8';

const FLAG = 'heap-growing-percent';

/** The percentage to apply while cases run, or undefined to leave V8 alone. */
export function heapGrowingPercent(env: Record<string, string | undefined> = process.env, execArgv: readonly string[] = process.execArgv): number | undefined {
  const fromNode = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (fromNode.some((arg) => arg.replace(/_/g, '-').startsWith(`--${FLAG}`))) return undefined;
  const raw = (env.EVALMATRIX_HEAP_GROWING_PERCENT ?? '').trim();
  if (raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`EVALMATRIX_HEAP_GROWING_PERCENT="${raw}" is not understood; use a whole number of percent (0 leaves V8's own heap growth).`);
  }
  return value === 0 ? undefined : value;
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

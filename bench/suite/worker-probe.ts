// Setup file for the scale and lag benchmarks: watches the event loop of the test worker that
// runs the cases and, at the end, its live heap after a full GC (the memory a run really holds,
// as opposed to garbage not yet collected). Writes both to BENCH_PROBE_FILE.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll } from 'vitest';

const RESOLUTION_MS = 10;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });

beforeAll(() => delay.enable());

afterAll(() => {
  delay.disable();
  // Node 20 records the whole interval between checks, so an idle loop reads 10 ms: the lag is
  // what exceeds the resolution.
  const ms = (ns: number): number => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
  // A worker thread cannot be started with --expose-gc; set at runtime, the flag gives each new
  // context a gc(), and that one collects this thread's heap.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const probe = {
    lag_ms: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
    live_heap_mb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  };
  writeFileSync(process.env.BENCH_PROBE_FILE!, JSON.stringify(probe));
});

// Scale: one provider, 10,000 and 100,000 generated rows, concurrency 64, through evalmatrix
// only. Wall time, peak RSS of the whole process tree (Vitest's main process and its worker),
// the worker's live heap at the end, and every event written — memory must not grow with the
// dataset, and time should grow linearly.
import { checkRun } from '../check.js';
import type { Plan } from '../plan.js';
import { runEvalmatrix } from '../sides.js';
import { round } from '../stats.js';
import { pipelineFile, rowsFile } from '../workspace.js';

export interface ScaleRun {
  samples: number;
  wall_s: number;
  peak_rss_mb: number | null;
  /** The test worker's heap after a full GC at the end: what the run really holds. */
  worker_live_heap_mb: number;
  events_written: number;
  /** 1 case_start + 2 per sample (inference_end, auto_eval_sample) + 1 case_end. */
  events_expected: number;
}

/** The largest size again with one setting changed, and its CPU time beside the default run's. */
export interface ScaleVariant extends ScaleRun {
  cpu_s: number | null;
  default_cpu_s: number | null;
}

export interface ScaleResult {
  concurrency: number;
  runs: ScaleRun[];
  /** In Vitest's threads pool (opt-in): one Node process fewer. */
  threads_pool: ScaleVariant;
  /** With V8's own old-generation pacing (EVALMATRIX_HEAP_GROWING_PERCENT=0): what the default pacing buys. */
  v8_pacing: ScaleVariant;
  /** Largest run over smallest (only when there are two sizes). */
  time_ratio: number | null;
  rss_ratio: number | null;
}

export async function scale(plan: Plan['scale'], log: (line: string) => void): Promise<ScaleResult> {
  const measured: Array<ScaleRun & { cpu_s: number | null }> = [];
  const measureSize = async (n: number, env: Record<string, string> = {}, vitestArgs: string[] = []): Promise<ScaleRun & { cpu_s: number | null }> => {
    const file = pipelineFile({ name: `scale_${n}`, providers: ['openai'], rowsFile: await rowsFile(n), samples: n, concurrency: plan.concurrency });
    const run = await runEvalmatrix(file, env, { countEvents: true, probe: true, vitestArgs });
    checkRun('evalmatrix', run.cases, 1, n);
    const result = {
      samples: n,
      wall_s: round(run.measured.wallS, 2),
      peak_rss_mb: run.measured.peakRssMb,
      worker_live_heap_mb: run.probe!.live_heap_mb,
      events_written: run.eventsWritten!,
      events_expected: 2 + 2 * n,
      cpu_s: run.measured.cpuS === null ? null : round(run.measured.cpuS, 2),
    };
    if (result.events_written !== result.events_expected) throw new Error(`scale n=${n}: ${result.events_written} events written, expected ${result.events_expected}`);
    return result;
  };
  for (const n of plan.sizes) {
    const result = await measureSize(n);
    measured.push(result);
    log(`scale n=${n}: ${result.wall_s} s, peak RSS ${result.peak_rss_mb} MB, live heap ${result.worker_live_heap_mb} MB, ${result.events_written} events`);
  }
  const runs: ScaleRun[] = measured.map(({ cpu_s: _, ...run }) => run);
  const [first, last] = [measured[0]!, measured.at(-1)!];
  const two = runs.length > 1;
  const variant = async (label: string, env: Record<string, string>, vitestArgs: string[]): Promise<ScaleVariant> => {
    const { cpu_s, ...run } = await measureSize(last.samples, env, vitestArgs);
    log(`scale n=${last.samples}, ${label}: ${run.wall_s} s, peak RSS ${run.peak_rss_mb} MB, CPU ${cpu_s} s (default ${last.cpu_s} s)`);
    return { ...run, cpu_s, default_cpu_s: last.cpu_s };
  };
  const threadsPool = await variant('threads pool', {}, ['--pool=threads']);
  const v8Pacing = await variant("V8's own heap pacing", { EVALMATRIX_HEAP_GROWING_PERCENT: '0' }, []);
  return {
    concurrency: plan.concurrency,
    runs,
    threads_pool: threadsPool,
    v8_pacing: v8Pacing,
    time_ratio: two ? round(last.wall_s / first.wall_s, 2) : null,
    rss_ratio: two && first.peak_rss_mb && last.peak_rss_mb ? round(last.peak_rss_mb / first.peak_rss_mb, 2) : null,
  };
}

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

export interface ScaleResult {
  concurrency: number;
  runs: ScaleRun[];
  /** The largest size again with the opt-in memory settings: what they buy and cost. */
  lean: ScaleRun & { pool: 'threads'; heap_growing_percent: number; cpu_s: number | null; default_cpu_s: number | null };
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
  const percent = plan.leanHeapGrowingPercent;
  const leanRun = await measureSize(last.samples, { EVALMATRIX_HEAP_GROWING_PERCENT: String(percent) }, ['--pool=threads']);
  log(`scale n=${last.samples}, lean (threads, EVALMATRIX_HEAP_GROWING_PERCENT=${percent}): ${leanRun.wall_s} s, peak RSS ${leanRun.peak_rss_mb} MB, CPU ${leanRun.cpu_s} s (default ${last.cpu_s} s)`);
  return {
    concurrency: plan.concurrency,
    runs,
    lean: { ...leanRun, pool: 'threads', heap_growing_percent: percent, default_cpu_s: last.cpu_s },
    time_ratio: two ? round(last.wall_s / first.wall_s, 2) : null,
    rss_ratio: two && first.peak_rss_mb && last.peak_rss_mb ? round(last.peak_rss_mb / first.peak_rss_mb, 2) : null,
  };
}

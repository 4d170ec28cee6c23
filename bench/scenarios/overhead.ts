// Overhead: 5 providers × N samples at concurrency 32, evalmatrix (`vitest run`) against the
// baseline script, alternating, several times, at two sizes. The per-sample cost is the slope
// between the sizes, free of start-up; the fixed cost is where that line meets zero samples
// (fit.ts). Wall time gives the targets; CPU time is reported beside it.
import { fitOverhead, type Fit, type Runs, type Side } from '../fit.js';
import { ALL_PROVIDERS } from '../pipeline.js';
import type { Plan } from '../plan.js';
import { runPair } from '../pair.js';
import { round } from '../stats.js';
import { pipelineFile, rowsFile } from '../workspace.js';

export interface OverheadResult extends Fit {
  providers: number;
  concurrency: number;
  sizes: [number, number];
  repetitions: number;
  runs_wall_s: Runs;
  runs_cpu_s: Runs | null;
  /** The same fit on CPU seconds (user + system of the whole process tree). */
  cpu: Fit | null;
  peak_rss_mb: Record<Side, number | null>;
}

export async function overhead(plan: Plan['overhead'], log: (line: string) => void): Promise<OverheadResult> {
  const [small, large] = plan.sizes;
  const rows = await rowsFile(large);
  const files = Object.fromEntries(
    plan.sizes.map((n) => [n, pipelineFile({ name: `overhead_${n}`, providers: ALL_PROVIDERS, rowsFile: rows, samples: n, concurrency: plan.concurrency })]),
  );
  const emptyRuns = (): Runs => ({ evalmatrix: { [small]: [], [large]: [] }, baseline: { [small]: [], [large]: [] } });
  const wall = emptyRuns();
  const cpu = emptyRuns();
  let cpuKnown = true;
  const rss: Record<Side, number> = { evalmatrix: 0, baseline: 0 };

  for (let rep = 0; rep < plan.repetitions; rep++) {
    for (const n of plan.sizes) {
      const pair = await runPair(rep, files[n]!, {}, { cases: ALL_PROVIDERS.length, samples: n });
      for (const side of ['evalmatrix', 'baseline'] as const) {
        const m = pair[side].measured;
        wall[side][n]!.push(round(m.wallS, 3));
        if (m.cpuS === null) cpuKnown = false;
        else cpu[side][n]!.push(round(m.cpuS, 3));
        rss[side] = Math.max(rss[side], m.peakRssMb ?? 0);
      }
      log(`overhead ${rep + 1}/${plan.repetitions} n=${n}: evalmatrix ${wall.evalmatrix[n]!.at(-1)} s, baseline ${wall.baseline[n]!.at(-1)} s (CPU ${cpu.evalmatrix[n]!.at(-1) ?? '-'} / ${cpu.baseline[n]!.at(-1) ?? '-'} s)`);
    }
  }

  return {
    providers: ALL_PROVIDERS.length,
    concurrency: plan.concurrency,
    sizes: plan.sizes,
    repetitions: plan.repetitions,
    ...fitOverhead(wall, plan.sizes, ALL_PROVIDERS.length),
    runs_wall_s: wall,
    runs_cpu_s: cpuKnown ? cpu : null,
    cpu: cpuKnown ? fitOverhead(cpu, plan.sizes, ALL_PROVIDERS.length) : null,
    peak_rss_mb: { evalmatrix: rss.evalmatrix || null, baseline: rss.baseline || null },
  };
}

// Overhead: 5 providers × N samples at concurrency 32, evalmatrix (`vitest run`) against the
// baseline script, alternating, several times, at two sizes. The per-sample cost is the slope
// between the sizes, free of start-up; the fixed cost is where that line meets zero samples
// (fit.ts). Wall time gives the targets; CPU time is reported beside it.
import type { Side } from '../fit.js';
import { ALL_PROVIDERS } from '../pipeline.js';
import type { Plan } from '../plan.js';
import { runPair } from '../pair.js';
import { SizedRuns, type SizedFits } from '../sized-runs.js';
import { pipelineFile, rowsFile } from '../workspace.js';

export interface OverheadResult extends SizedFits {
  providers: number;
  peak_rss_mb: Record<Side, number | null>;
}

export async function overhead(plan: Plan['overhead'], log: (line: string) => void): Promise<OverheadResult> {
  const large = plan.sizes[1];
  const rows = await rowsFile(large);
  const files = Object.fromEntries(
    plan.sizes.map((n) => [n, pipelineFile({ name: `overhead_${n}`, providers: ALL_PROVIDERS, rowsFile: rows, samples: n, concurrency: plan.concurrency })]),
  );
  const runs = new SizedRuns(plan);
  const rss: Record<Side, number> = { evalmatrix: 0, baseline: 0 };

  for (let rep = 0; rep < plan.repetitions; rep++) {
    for (const n of plan.sizes) {
      const pair = await runPair(rep, files[n]!, {}, { cases: ALL_PROVIDERS.length, samples: n });
      for (const side of ['evalmatrix', 'baseline'] as const) {
        const m = pair[side].measured;
        runs.add(side, n, m);
        rss[side] = Math.max(rss[side], m.peakRssMb ?? 0);
      }
      log(`overhead ${rep + 1}/${plan.repetitions} n=${n}: ${runs.lastLine(n, 'baseline')})`);
    }
  }

  return {
    providers: ALL_PROVIDERS.length,
    ...runs.fits(ALL_PROVIDERS.length),
    peak_rss_mb: { evalmatrix: rss.evalmatrix || null, baseline: rss.baseline || null },
  };
}

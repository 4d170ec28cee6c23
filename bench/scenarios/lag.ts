// Event-loop lag of the test worker while a deliberately CPU-heavy metric (test_cpu_burn)
// scores every sample, in the scale benchmark's shape (one provider, concurrency 64): scored in
// the worker pool (the metric declares itself cpu_heavy) versus in-process
// (EVALMATRIX_SCORER_POOL=0). In-process, scoring blocks the loop that drives the requests.
import { checkRun } from '../check.js';
import type { Plan } from '../plan.js';
import { runEvalmatrix, type WorkerProbe } from '../sides.js';
import { round } from '../stats.js';
import { pipelineFile, rowsFile } from '../workspace.js';

export interface LagSide {
  wall_s: number;
  lag_ms: WorkerProbe['lag_ms'];
}

export interface LagResult {
  samples: number;
  concurrency: number;
  burn_ms_per_sample: number;
  pool_on: LagSide;
  pool_off: LagSide;
}

export async function lag(plan: Plan['lag'], log: (line: string) => void): Promise<LagResult> {
  const file = pipelineFile({
    name: 'lag',
    providers: ['openai'],
    rowsFile: await rowsFile(plan.samples),
    samples: plan.samples,
    concurrency: plan.concurrency,
    metric: { implementation: 'test_cpu_burn', params: { burn_ms: plan.burnMs } },
  });
  // On: the default, where the metric's cpu_heavy declaration sends it to the pool.
  const side = async (pool: 'on' | 'off'): Promise<LagSide> => {
    const run = await runEvalmatrix(file, { EVALMATRIX_SCORER_POOL: pool === 'on' ? '' : '0' }, { probe: true });
    checkRun('evalmatrix', run.cases, 1, plan.samples);
    const result = { wall_s: round(run.measured.wallS, 2), lag_ms: run.probe!.lag_ms };
    log(`lag pool ${pool}: p99 ${result.lag_ms.p99} ms, max ${result.lag_ms.max} ms, ${result.wall_s} s`);
    return result;
  };
  const pool_off = await side('off');
  const pool_on = await side('on');
  return { samples: plan.samples, concurrency: plan.concurrency, burn_ms_per_sample: plan.burnMs, pool_on, pool_off };
}

// Latency: the overhead pipeline with every mock answer delayed (EVALMATRIX_MOCK_LATENCY_MS).
// With `concurrency` requests in flight, a case can at best finish concurrency / latency
// samples a second; achieved / ideal says how close each side gets. Measured with the five
// providers running at once (the figure with the target) and, for context, with one alone:
// five cases at 32 in flight and 50 ms ask for 3,200 requests a second, more than one thread
// of SDK + mock work can serve on a small machine, whoever drives it.
import type { MockProvider } from '../../src/mocks/ports.js';
import type { CaseOutcome } from '../outcome.js';
import { ALL_PROVIDERS } from '../pipeline.js';
import type { Plan } from '../plan.js';
import { runPair } from '../pair.js';
import { median, round } from '../stats.js';
import { pipelineFile, rowsFile } from '../workspace.js';

export interface LatencyFigures {
  providers: number;
  repetitions: number;
  /** concurrency / latency, per case. */
  ideal_per_case_per_s: number;
  /** Median over cases and repetitions of each case's samples / its own wall time. */
  achieved_per_case_per_s: { evalmatrix: number; baseline: number };
  achieved_over_ideal: { evalmatrix: number; baseline: number };
  /** Median CPU seconds per wall second of each side's process tree: near 1 or above, a
   *  thread is saturated and the latency is no longer what limits throughput. */
  cpu_per_wall: { evalmatrix: number | null; baseline: number | null };
}

export interface LatencyResult {
  latency_ms: number;
  concurrency: number;
  samples_per_case: number;
  all_providers: LatencyFigures;
  one_provider: LatencyFigures;
  /** The five providers again, the pipeline split over two eval files (defineEvalSuite's
   *  `part`) run in two workers; the baseline runs as in all_providers. */
  split_in_two: LatencyFigures;
}

export async function latency(plan: Plan['latency'], log: (line: string) => void): Promise<LatencyResult> {
  const rows = await rowsFile(plan.samples);
  const measureWith = async (providers: readonly MockProvider[], repetitions: number, extraEnv: Record<string, string> = {}): Promise<LatencyFigures> => {
    const file = pipelineFile({ name: `latency_${providers.length}`, providers, rowsFile: rows, samples: plan.samples, concurrency: plan.concurrency });
    const rates = { evalmatrix: [] as number[], baseline: [] as number[] };
    const busy = { evalmatrix: [] as number[], baseline: [] as number[] };
    const perCase = (cases: readonly CaseOutcome[]): number[] => cases.map((c) => c.samples / (c.wall_ms / 1000));
    for (let rep = 0; rep < repetitions; rep++) {
      const pair = await runPair(rep, file, { EVALMATRIX_MOCK_LATENCY_MS: String(plan.latencyMs), ...extraEnv }, { cases: providers.length, samples: plan.samples });
      const e = perCase(pair.evalmatrix.cases);
      const b = perCase(pair.baseline.cases);
      rates.evalmatrix.push(...e);
      rates.baseline.push(...b);
      for (const side of ['evalmatrix', 'baseline'] as const) {
        const { cpuS, wallS } = pair[side].measured;
        if (cpuS !== null) busy[side].push(cpuS / wallS);
      }
      log(`latency, ${providers.length} provider(s)${extraEnv.BENCH_PARTS ? ` in ${extraEnv.BENCH_PARTS} files` : ''}, ${rep + 1}/${repetitions}: per case evalmatrix ${round(median(e), 1)}/s, baseline ${round(median(b), 1)}/s`);
    }
    const ideal = (plan.concurrency * 1000) / plan.latencyMs;
    const achieved = { evalmatrix: round(median(rates.evalmatrix), 1), baseline: round(median(rates.baseline), 1) };
    return {
      providers: providers.length,
      repetitions,
      ideal_per_case_per_s: ideal,
      achieved_per_case_per_s: achieved,
      achieved_over_ideal: { evalmatrix: round(achieved.evalmatrix / ideal, 3), baseline: round(achieved.baseline / ideal, 3) },
      cpu_per_wall: {
        evalmatrix: busy.evalmatrix.length ? round(median(busy.evalmatrix), 2) : null,
        baseline: busy.baseline.length ? round(median(busy.baseline), 2) : null,
      },
    };
  };
  return {
    latency_ms: plan.latencyMs,
    concurrency: plan.concurrency,
    samples_per_case: plan.samples,
    all_providers: await measureWith(ALL_PROVIDERS, plan.repetitions),
    one_provider: await measureWith(['openai'], 1),
    split_in_two: await measureWith(ALL_PROVIDERS, plan.repetitions, { BENCH_PARTS: '2' }),
  };
}

// Faults: five providers under 429s, 5xx and dropped connections, once without and once with
// hanging requests (the `timeout` fault: no answer until the client's timeout). Both runs in the
// same invocation, so the ratio compares like with like on whatever the machine is doing.
// A hung request costs its sample at least the backend's timeout, and its retry may hang again;
// what must not happen is that one hung request holds its provider while 429s have cut the
// limit to one (24 minutes instead of 16 s before the limiter stopped counting stalled
// requests). The bound: with ≤ 3 × without + 2 × timeout.
import type { MockProvider } from '../../src/mocks/ports.js';
import { ALL_PROVIDERS } from '../pipeline.js';
import type { Plan } from '../plan.js';
import { runEvalmatrix } from '../sides.js';
import { median, round } from '../stats.js';
import { pipelineFile, rowsFile } from '../workspace.js';

export const FAULTS_WITHOUT_TIMEOUT = 'rate_limit:0.3,server_error:0.1,reset:0.02';
export const FAULTS_WITH_TIMEOUT = 'rate_limit:0.3,server_error:0.1,timeout:0.02,reset:0.02';

export interface FaultsResult {
  providers: number;
  samples_per_case: number;
  concurrency: number;
  timeout_s: number;
  repetitions: number;
  /** Wall seconds of each repetition. */
  without_timeout_s: number[];
  with_timeout_s: number[];
  /** Median with ÷ median without. */
  ratio: number;
  /** 3 × median without + 2 × timeout_s. */
  bound_s: number;
  within_bound: boolean;
  /** Samples that failed for good (retries exhausted), with / without: a check that nothing else was lost. */
  errors: { without_timeout: number; with_timeout: number };
}

export async function faults(plan: Plan['faults'], log: (line: string) => void): Promise<FaultsResult> {
  const providers: readonly MockProvider[] = ALL_PROVIDERS;
  const rows = await rowsFile(plan.samples);
  const file = pipelineFile({ name: 'faults', providers, rowsFile: rows, samples: plan.samples, concurrency: plan.concurrency, timeoutS: plan.timeoutS, maxErrors: plan.samples });
  const without: number[] = [];
  const withTimeout: number[] = [];
  const errors = { without_timeout: 0, with_timeout: 0 };
  for (let rep = 0; rep < plan.repetitions; rep++) {
    for (const [spec, into, key] of [
      [FAULTS_WITHOUT_TIMEOUT, without, 'without_timeout'],
      [FAULTS_WITH_TIMEOUT, withTimeout, 'with_timeout'],
    ] as const) {
      const run = await runEvalmatrix(file, { EVALMATRIX_MOCK_FAULTS: spec, EVALMATRIX_MOCK_SEED: String(rep) });
      const samples = run.cases.reduce((n, c) => n + c.samples, 0);
      if (samples !== providers.length * plan.samples) throw new Error(`faults: ${samples} samples summarized, expected ${providers.length * plan.samples}`);
      errors[key] += run.cases.reduce((n, c) => n + c.errors, 0);
      into.push(round(run.measured.wallS, 2));
      log(`faults ${key.replace('_', ' ')}, ${rep + 1}/${plan.repetitions}: ${round(run.measured.wallS, 1)} s`);
    }
  }
  const ratio = round(median(withTimeout) / median(without), 2);
  const bound = round(3 * median(without) + 2 * plan.timeoutS, 1);
  return {
    providers: providers.length,
    samples_per_case: plan.samples,
    concurrency: plan.concurrency,
    timeout_s: plan.timeoutS,
    repetitions: plan.repetitions,
    without_timeout_s: without,
    with_timeout_s: withTimeout,
    ratio,
    bound_s: bound,
    within_bound: median(withTimeout) <= bound,
    errors,
  };
}

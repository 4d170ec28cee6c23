// test_cpu_burn — FOR TESTS AND BENCHMARKS ONLY, not a product metric. It spins the CPU for
// `params.burn_ms` (default 2) and then scores like multi_choice_accuracy, so a run with it
// gives the same numbers as one without while standing in for an expensive scorer (a model-
// based judge, a big regex suite). It declares itself CPU-heavy, so it goes to the scorer pool.
import type { Metric } from '../metric.js';
import { multiChoiceAccuracy } from '../multi-choice.js';

const DEFAULT_BURN_MS = 2;

export const testCpuBurn: Metric = {
  implementation: 'test_cpu_burn',
  cpu_heavy: true,
  score(input) {
    const burnMs = Number(input.params?.burn_ms ?? DEFAULT_BURN_MS);
    spin(Number.isFinite(burnMs) ? burnMs : DEFAULT_BURN_MS);
    return multiChoiceAccuracy.score(input);
  },
};

/** Busy work for `ms` of wall time; the result is kept so the loop can't be optimized away. */
function spin(ms: number): number {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) for (let i = 0; i < 1000; i++) x = Math.sqrt(x + i);
  return x;
}

// test_cpu_burn — FOR TESTS AND BENCHMARKS ONLY, not a product metric: the registry resolves
// it but never lists it. It spins the CPU for `params.burn_ms` (default 2) and then scores
// like multi_choice_accuracy, so a run with it gives the same numbers as one without while
// standing in for an expensive scorer. It declares itself CPU-heavy, so it goes to the pool.
import { z } from 'zod';
import { defineMetric, type MetricResult } from '../metric.js';
import { multiChoiceAccuracy } from '../multi-choice.js';

export const testCpuBurn = defineMetric({
  name: 'test_cpu_burn',
  cpu_heavy: true,
  params: z.object({ burn_ms: z.number().min(0).default(2) }).strict(),
  score(input) {
    spin(input.params.burn_ms);
    return multiChoiceAccuracy.score({ ...input, params: {} }) as MetricResult;
  },
});

/** Busy work for `ms` of wall time; the result is kept so the loop can't be optimized away. */
function spin(ms: number): number {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) for (let i = 0; i < 1000; i++) x = Math.sqrt(x + i);
  return x;
}

// A metric that needs a judge names it in `params.judge`: the adapter_id of a role adapter with
// role_type judge_model (llm_judge requires one; a metric defined in TypeScript may name one
// too). Read here once, for case expansion, the load checks and the runner.
import type { MetricSpec } from './schema.js';

export function judgeAdapterOf(metric: Pick<MetricSpec, 'params'>): string | undefined {
  const judge = metric.params.judge;
  return typeof judge === 'string' ? judge : undefined;
}

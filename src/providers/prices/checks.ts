// The providers layer's load-time check on costs: a task that caps its cost (max_cost_usd) must
// know what each of its models costs — the models under test and every judge its metrics call —
// or the cap could never be checked. Said at load, located, rather than after a run has spent.
import { judgeAdapterOf } from '../../config/judge-ref.js';
import type { PipelineCheck } from '../../config/load.js';
import type { PathIssue } from '../../config/locate.js';
import type { BackendSpec, PipelineSpec, TaskSpec } from '../../config/schema.js';
import { inferenceSteps, stepAdapterIds, taskMetricIds } from '../../config/task-steps.js';
import { priceFor } from './lookup.js';

export function costChecks(): PipelineCheck {
  return (spec) => spec.tasks.flatMap((task, i) => (task.max_cost_usd === undefined ? [] : unpricedModels(spec, task, i)));
}

function unpricedModels(spec: PipelineSpec, task: TaskSpec, i: number): PathIssue[] {
  const adapterBackend = new Map(spec.role_adapters.map((a) => [a.adapter_id, a.backend_id]));
  const backends = new Map(spec.backends.map((b) => [b.backend_id, b]));
  const metrics = spec.metrics.filter((m) => taskMetricIds(task, spec.metrics.map((x) => x.metric_id)).includes(m.metric_id));
  const adapters = [...inferenceSteps(task).flatMap(stepAdapterIds), ...metrics.flatMap((m) => judgeAdapterOf(m) ?? [])];
  const used = new Set(adapters.map((a) => adapterBackend.get(a)).filter((b): b is string => b !== undefined));
  return [...used]
    .map((id) => backends.get(id))
    .filter((backend): backend is BackendSpec => backend !== undefined && priceFor(backend.config) === undefined)
    .map((backend) => ({
      path: ['tasks', i, 'max_cost_usd'],
      message: `task "${task.task_id}" caps its cost, but backend "${backend.backend_id}" (${backend.config.provider}/${backend.config.model}) has no known price, so the cap could not be checked`,
      hint: `Give that backend a price: price: {input_per_mtok: …, output_per_mtok: …} (US dollars per million tokens), or remove max_cost_usd`,
    }));
}

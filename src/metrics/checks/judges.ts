// Load-time checks of judges against the pipeline: a metric's `params.judge` names a role
// adapter whose role_type is judge_model, and no task runs a judge as the model under test.
import type { PathIssue } from '../../config/locate.js';
import type { PipelineSpec } from '../../config/schema.js';
import { didYouMean } from '../../config/suggest.js';
import { stepAdapterIds } from '../../config/task-steps.js';
import { judgeAdapterOf } from '../../config/judge-ref.js';

export function checkJudges(spec: PipelineSpec): PathIssue[] {
  const roleOf = new Map(spec.role_adapters.map((adapter) => [adapter.adapter_id, adapter.role_type]));
  const judges = spec.role_adapters.filter((adapter) => adapter.role_type === 'judge_model').map((adapter) => adapter.adapter_id);
  const knownJudges = `known judges (role_type judge_model): ${judges.length > 0 ? judges.join(', ') : 'none'}`;
  const issues: PathIssue[] = [];

  spec.metrics.forEach((metric, i) => {
    const judge = judgeAdapterOf(metric);
    if (judge === undefined) return;
    const role = roleOf.get(judge);
    if (role === 'judge_model') return;
    const path = ['metrics', i, 'params', 'judge'];
    issues.push(
      role === undefined
        ? {
            path,
            message: `metric "${metric.metric_id}" names judge "${judge}", which is not a role adapter; ${knownJudges}`,
            hint: `${didYouMean(judge, judges)}Fix the name, or add a role adapter {adapter_id: ${judge}, role_type: judge_model, backend_id: …, prompt_id: …}`,
          }
        : {
            path,
            message: `metric "${metric.metric_id}" names judge "${judge}", a role adapter whose role_type is ${role}; ${knownJudges}`,
            hint: `Give role adapter "${judge}" role_type: judge_model (with the judge's own backend and rubric prompt), or name one of the judges`,
          },
    );
  });

  spec.tasks.forEach((task, i) => {
    task.steps.forEach((step, s) => {
      if (step.step !== 'inference') return;
      stepAdapterIds(step).forEach((adapterId, a) => {
        if (roleOf.get(adapterId) !== 'judge_model') return;
        issues.push({
          path: ['tasks', i, 'steps', s, ...(step.adapter_ids ? ['adapter_ids', a] : ['adapter_id'])],
          message: `task "${task.task_id}" runs role adapter "${adapterId}" as the model under test, but its role_type is judge_model`,
          hint: 'Name a dut_model adapter here; a judge is called by the metrics whose params.judge names it',
        });
      });
    });
  });
  return issues;
}

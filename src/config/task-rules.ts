// Rules on a task's steps that the schema cannot express: one inference step, at most one
// auto_eval step, thresholds only on metrics the task computes, and no two cases of a task
// with the same model (their test names and run directories would collide); and the rules on
// `repeats` (repeat-rules.ts).
import type { PathIssue } from './locate.js';
import { checkRepeats } from './repeat-rules.js';
import type { PipelineSpec, TaskSpec } from './schema.js';
import { autoEvalSteps, inferenceSteps, stepAdapterIds, taskMetricIds } from './task-steps.js';

export function checkTasks(spec: PipelineSpec): PathIssue[] {
  const metricIds = spec.metrics.map((metric) => metric.metric_id);
  const backendOf = new Map(spec.role_adapters.map((adapter) => [adapter.adapter_id, adapter.backend_id]));
  return [
    ...spec.tasks.flatMap((task, i) => [...stepCounts(task, i), ...thresholdsComputed(task, i, metricIds), ...modelsUnique(task, i, backendOf)]),
    ...checkRepeats(spec),
  ];
}

function stepCounts(task: TaskSpec, i: number): PathIssue[] {
  const owner = `task "${task.task_id}"`;
  const issues: PathIssue[] = [];
  const inference = inferenceSteps(task);
  if (inference.length === 0) {
    issues.push({
      path: ['tasks', i, 'steps'],
      message: `${owner} has no inference step`,
      hint: 'Add one: {step: inference, adapter_id: <role adapter>}',
    });
  }
  if (inference.length > 1) {
    issues.push({
      path: ['tasks', i, 'steps', task.steps.indexOf(inference[1]!)],
      message: `${owner} has ${inference.length} inference steps; a task has exactly one`,
      hint: 'Merge them into one step listing every adapter: adapter_ids: [a, b]',
    });
  }
  const autoEval = autoEvalSteps(task);
  if (autoEval.length > 1) {
    issues.push({
      path: ['tasks', i, 'steps', task.steps.indexOf(autoEval[1]!)],
      message: `${owner} has ${autoEval.length} auto_eval steps; a task has at most one`,
      hint: 'Merge them into one step listing every metric: metric_ids: [a, b]',
    });
  }
  return issues;
}

/** A threshold on a metric the task does not compute could never be checked. Thresholds on
 *  undefined metrics are reported as dangling references instead. */
function thresholdsComputed(task: TaskSpec, i: number, metricIds: string[]): PathIssue[] {
  const computed = taskMetricIds(task, metricIds);
  return Object.keys(task.thresholds).flatMap((metricId) => {
    if (computed.includes(metricId) || !metricIds.includes(metricId)) return [];
    const hasAutoEval = autoEvalSteps(task).length > 0;
    return [
      {
        path: ['tasks', i, 'thresholds', metricId],
        at: 'key' as const,
        message: hasAutoEval
          ? `task "${task.task_id}" has a threshold for metric "${metricId}", which its auto_eval step does not compute (metric_ids: ${computed.join(', ')})`
          : `task "${task.task_id}" has a threshold for metric "${metricId}" but no auto_eval step`,
        hint: hasAutoEval ? `Add ${metricId} to metric_ids, or remove the threshold` : 'Add {step: auto_eval}, or remove the threshold',
      },
    ];
  });
}

function modelsUnique(task: TaskSpec, i: number, backendOf: Map<string, string>): PathIssue[] {
  const issues: PathIssue[] = [];
  task.steps.forEach((step, s) => {
    if (step.step !== 'inference') return;
    const seen = new Map<string, string>();
    stepAdapterIds(step).forEach((adapterId, a) => {
      const backendId = backendOf.get(adapterId);
      if (backendId === undefined) return;
      const earlier = seen.get(backendId);
      if (earlier === undefined) {
        seen.set(backendId, adapterId);
        return;
      }
      issues.push({
        path: ['tasks', i, 'steps', s, 'adapter_ids', a],
        message:
          earlier === adapterId
            ? `task "${task.task_id}" lists adapter "${adapterId}" twice`
            : `task "${task.task_id}" runs backend "${backendId}" twice (adapters "${earlier}" and "${adapterId}"); their test names and run directories would collide`,
        hint: earlier === adapterId ? 'Remove the repeat' : 'Give each adapter its own backend (a backend_id per model variant), or split them into separate tasks',
      });
    });
  });
  return issues;
}

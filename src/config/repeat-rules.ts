// Rules on a task's `repeats` that the schema leaves to a check, so each error can say what to
// do: a bound on the trials per sample, and thresholds on statistics that need more than one
// trial (pass@k, pass^k, agreement) on a task that runs each sample once.
import type { PathIssue } from './locate.js';
import { MAX_REPEATS, REPEATS_ONLY, type PipelineSpec, type TaskSpec } from './schema.js';

export function checkRepeats(spec: PipelineSpec): PathIssue[] {
  return spec.tasks.flatMap((task, i) => [...repeatsBounded(task, i), ...statisticsNeedRepeats(task, i)]);
}

function repeatsBounded(task: TaskSpec, i: number): PathIssue[] {
  if (task.repeats <= MAX_REPEATS) return [];
  return [
    {
      path: ['tasks', i, 'repeats'],
      message: `task "${task.task_id}" repeats each sample ${task.repeats} times; the most is ${MAX_REPEATS}`,
      hint: `Lower repeats (5 to 10 trials already give pass@k and the spread of each sample); every trial is a separate request`,
    },
  ];
}

function statisticsNeedRepeats(task: TaskSpec, i: number): PathIssue[] {
  if (task.repeats > 1) return [];
  return Object.entries(task.thresholds).flatMap(([metricId, threshold]) => {
    if (typeof threshold === 'number' || !REPEATS_ONLY.includes(threshold.on)) return [];
    return [
      {
        path: ['tasks', i, 'thresholds', metricId, 'on'],
        message: `task "${task.task_id}" has a threshold on ${metricId} ${threshold.on}, which exists only when each sample runs more than once (repeats is 1)`,
        hint: `Add repeats: 5 (or more) to the task, or put the threshold on mean, pass_rate, ci_low or ci_high`,
      },
    ];
  });
}

// What a task's steps mean, read in one place for the checks and for case expansion.
import type { StepSpec, TaskSpec } from './schema.js';

export type InferenceStep = Extract<StepSpec, { step: 'inference' }>;
export type AutoEvalStep = Extract<StepSpec, { step: 'auto_eval' }>;

export function inferenceSteps(task: TaskSpec): InferenceStep[] {
  return task.steps.filter((step): step is InferenceStep => step.step === 'inference');
}

export function autoEvalSteps(task: TaskSpec): AutoEvalStep[] {
  return task.steps.filter((step): step is AutoEvalStep => step.step === 'auto_eval');
}

/** The adapters an inference step runs, whichever of adapter_id / adapter_ids it names. */
export function stepAdapterIds(step: InferenceStep): string[] {
  return step.adapter_ids ?? (step.adapter_id === undefined ? [] : [step.adapter_id]);
}

/** The metrics a task computes: its auto_eval step's metric_ids, every metric of the pipeline
 *  when that step names none, and none without an auto_eval step (inference only). */
export function taskMetricIds(task: TaskSpec, allMetricIds: readonly string[]): string[] {
  const [autoEval] = autoEvalSteps(task);
  if (!autoEval) return [];
  return autoEval.metric_ids ?? [...allMetricIds];
}

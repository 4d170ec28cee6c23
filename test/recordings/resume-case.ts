// Shared by the resume unit tests: a case over 12 code rows whose `task` answers by (sample,
// trial) — right, wrong, a throw (an inference error) or "boom" (a metric that throws: a scoring
// error) — scored by exact_match and a TypeScript metric, run in-process by runCase.
import { type CaseSpec } from '../../src/config/cases.js';
import { defineMetric } from '../../src/metrics/metric.js';
import { type EmittedEvent } from '../../src/runner/events.js';
import { runCase, type RunCaseOptions } from '../../src/runner/run-case.js';
import type { CaseSummary } from '../../src/runner/summary.js';
import type { TaskFunction } from '../../src/runner/task-call.js';
import { firstCase, runInProcess } from '../runner/in-process-case.js';

export const ROWS = Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, question: `Question ${i}?`, answer: `answer ${i}` }));

/** `s3` trial 1 throws, `s5` trial 0 says "boom" (the metric throws), `s7` ends in a wrong answer. */
export type Outcome = 'right' | 'wrong' | 'throw' | 'boom';
export function outcomeOf(sampleId: string, trial: number, faults = true): Outcome {
  const n = Number(sampleId.slice(1));
  if (faults && sampleId === 's3' && trial === 1) return 'throw';
  if (faults && sampleId === 's5' && trial === 0) return 'boom';
  return (n * 7 + trial * 3) % 5 < 3 ? 'right' : 'wrong';
}

export function task(faults = true): TaskFunction {
  return ({ sample, trial }) => {
    const outcome = outcomeOf(sample.sample_id, trial, faults);
    if (outcome === 'throw') throw new Error(`task failed on ${sample.sample_id} trial ${trial}`);
    const output = outcome === 'right' ? String(sample.reference) : outcome === 'boom' ? 'boom' : 'wrong';
    return { output, usage: { prompt_tokens: 10 + trial, completion_tokens: sample.sample_id.length } };
  };
}

const explosive = defineMetric({
  name: 'explosive',
  score: ({ output, sample }) => {
    if (output.text === 'boom') throw new Error('explosive: boom');
    return { score: output.text === sample.reference ? 1 : 0.25, passed: output.text === sample.reference };
  },
});

export function resumeCase(repeats: number): CaseSpec {
  const yaml = `
api_version: evalmatrix/v1
kind: PipelineConfig
metadata: {name: resume_unit}
prompts:
  - {prompt_id: p, template: "{{ sample.question }}"}
datasets:
  - {dataset_id: d, loader: code, params: {preprocess: {type: qa, question: question, answer: answer}}}
backends:
  - backend_id: b
    config: {provider: openai, model: gpt-4o-mini, api_base: "http://127.0.0.1:18080/v1"}
role_adapters:
  - {adapter_id: a, backend_id: b, prompt_id: p}
metrics:
  - {metric_id: exact, implementation: exact_match, pass_threshold: 1}
  - {metric_id: boom, implementation: explosive}
tasks:
  - task_id: t
    dataset_id: d
    steps: [{step: inference, adapter_id: a}, {step: auto_eval}]
    repeats: ${repeats}
    concurrency: 3
    max_errors: 100
    thresholds: {exact: 0.1}
`;
  return firstCase(yaml, { prefix: 'em-resume-', metrics: [explosive] });
}

export async function runResumeCase(spec: CaseSpec, options: Partial<RunCaseOptions> & { faults?: boolean } = {}): Promise<{ events: EmittedEvent[]; summary: CaseSummary }> {
  const { faults, ...rest } = options;
  const { events, summary } = await runInProcess(spec, { rows: ROWS, task: task(faults), metrics: [explosive], ...rest });
  return { events, summary };
}

/** What must equal between two runs of a case: all but its timings. */
export function comparable(summary: CaseSummary): unknown {
  const { timings: _timings, ...run } = summary.run;
  return JSON.parse(JSON.stringify({ ...summary, run }, (_key, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(12)) : value)));
}

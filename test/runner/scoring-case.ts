// Shared by the scoring tests: a one-task pipeline over a few question/answer rows, loaded
// through the loader every entry point uses, and runCase with its events collected.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expandCases, type CaseSpec } from '../../src/config/cases.js';
import { parseEvalPipeline, type CustomMetrics } from '../../src/runner/load-eval-pipeline.js';
import { runCase, type RunCaseOptions } from '../../src/runner/run-case.js';
import { runInProcess } from './in-process-case.js';

export const ROWS = [
  { id: 'q1', question: 'Capital of France?', answer: 'Paris' },
  { id: 'q2', question: 'Two plus two?', answer: '4' },
  { id: 'q3', question: 'Largest planet?', answer: 'Jupiter' },
  { id: 'q4', question: 'Colour of the sky?', answer: 'blue' },
];

export const DUT_BASE = 'http://127.0.0.1:18080/v1';
export const JUDGE_BASE = 'http://127.0.0.1:18090/v1';

export interface ScoringYaml {
  /** YAML list items under metrics:, indented by four spaces. */
  metrics: string;
  /** Extra task keys (thresholds, max_errors), indented by four spaces. */
  task?: string;
  judgeBackend?: string;
}

export function scoringCase(yaml: ScoringYaml, metrics: CustomMetrics = []): CaseSpec {
  const dir = mkdtempSync(path.join(tmpdir(), 'em-scoring-'));
  writeFileSync(path.join(dir, 'qa.jsonl'), ROWS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const text = `
api_version: evalmatrix/v1
kind: PipelineConfig
metadata: {name: scoring_test}
prompts:
  - {prompt_id: answer, template: "Q: {{ sample.question }}"}
  - prompt_id: rubric
    messages:
      - {role: system, content: "You grade answers."}
      - {role: user, content: "Question: {{ sample.question }}\\nAnswer: {{ output }}\\nReference: {{ reference }}"}
datasets:
  - {dataset_id: qa, loader: jsonl, path: qa.jsonl}
backends:
  - backend_id: model
    config: {provider: openai, model: gpt-4o-mini, api_base: "${DUT_BASE}"}
  - backend_id: grader
    config: ${yaml.judgeBackend ?? `{provider: openai, model: gpt-4o, api_base: "${JUDGE_BASE}", api_key_env: JUDGE_KEY, max_retries: 1, retry_sleep: 0}`}
role_adapters:
  - {adapter_id: dut, backend_id: model, prompt_id: answer}
  - {adapter_id: grader_judge, role_type: judge_model, backend_id: grader, prompt_id: rubric}
metrics:
${yaml.metrics}
tasks:
  - task_id: qa_task
    dataset_id: qa
    steps: [{step: inference, adapter_id: dut}, {step: auto_eval}]
    concurrency: 2
${yaml.task ?? ''}
`;
  const [spec] = expandCases(parseEvalPipeline(text, path.join(dir, 'pipeline.yaml'), { env: {}, metrics }));
  return spec!;
}

export function runScoring(spec: CaseSpec, options: Partial<RunCaseOptions> = {}) {
  return runInProcess(spec, { env: {}, ...options });
}

// The `task` path through runCase, against the real OpenAI SDK client and the MSW mocks: the
// user's function makes the output, what went through `client` is counted, and a task that
// fails costs only its sample.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { delay, http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRows } from '../../src/datasets/loaders/code.js';
import { startMockInterception, type MockInterception } from '../../src/mocks/index.js';
import type { Usage } from '../../src/providers/types.js';
import { runCase } from '../../src/runner/run-case.js';
import type { TaskFunction } from '../../src/runner/task-call.js';
import { readTaskReturn } from '../../src/runner/task-result.js';
import { firstCase, runInProcess } from './in-process-case.js';

let server: MockInterception;
beforeAll(() => {
  server = startMockInterception();
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ROWS = [1, 2, 3, 4].map((n) => ({ id: `q${n}`, question: `Question ${n}?`, options: ['yes', 'no'], answer: n % 2 }));

function caseFor(dataset = '{dataset_id: d, loader: code, params: {preprocess: {type: multiple_choice, question: question, choices: options, label: answer}}}', extraTask = '') {
  const yaml = `
api_version: evalmatrix/v1
kind: PipelineConfig
metadata: {name: task_test}
prompts:
  - {prompt_id: p, template: "{{ sample.question }}"}
datasets:
  - ${dataset}
backends:
  - backend_id: b
    config: {provider: openai, model: gpt-4o-mini, api_base: "http://127.0.0.1:18080/v1"}
role_adapters:
  - {adapter_id: a, backend_id: b, prompt_id: p}
metrics:
  - {metric_id: acc, implementation: multi_choice_accuracy}
tasks:
  - task_id: t
    dataset_id: d
    steps: [{step: inference, adapter_id: a}, {step: auto_eval}]
    concurrency: 2
${extraTask}
`;
  return firstCase(yaml, { prefix: 'em-task-' });
}

function run(spec: ReturnType<typeof caseFor>, options: { task?: TaskFunction; rows?: DatasetRows } = {}) {
  return runInProcess(spec, { rows: ROWS, ...options });
}

describe('a task instead of the provider call', () => {
  it('makes the output the metrics score; inference_end says so, with the messages, and usage adds up', async () => {
    const spent = new Map<string, Usage>();
    const task: TaskFunction = async ({ sample, messages, client, signal }) => {
      const answer = await client.chat({ messages: [{ role: 'user', content: `Notes: retrieved for ${sample.sample_id}` }, ...messages], signal });
      spent.set(sample.sample_id, answer.usage);
      return { output: `${answer.text}\nThe answer is ${sample.reference}`, usage: { prompt_tokens: 3, completion_tokens: 2 }, metadata: { retrieved: `doc-${sample.sample_id}` } };
    };
    const { summary, of } = await run(caseFor(), { task });
    const ends = of('inference_end');
    expect(ends).toHaveLength(4);
    const q1 = ends.find((e) => e.sample_id === 'q1')!.payload;
    expect(q1).toMatchObject({
      task: true,
      provider: 'openai',
      client_calls: 1,
      attempts: 1,
      messages: [{ role: 'user', content: 'Question 1?' }],
      client_messages: [[{ role: 'user', content: 'Notes: retrieved for q1' }, { role: 'user', content: 'Question 1?' }]],
      metadata: { retrieved: 'doc-q1' },
      usage: { prompt_tokens: spent.get('q1')!.prompt_tokens + 3, completion_tokens: spent.get('q1')!.completion_tokens + 2 },
    });
    expect(q1.text).toMatch(/The answer is B$/);
    expect(of('auto_eval_sample').map((e) => e.payload.score)).toEqual([1, 1, 1, 1]);
    const total = [...spent.values()].reduce((n, u) => n + u.prompt_tokens, 0) + 4 * 3;
    expect(summary).toMatchObject({ status: 'passed', sample_count: 4, error_count: 0, usage: { prompt_tokens: total } });
  });

  it('takes a plain string; a task that calls no client made no attempts and spent no tokens', async () => {
    const { of } = await run(caseFor(), { task: ({ sample }) => `The answer is ${sample.reference}` });
    expect(of('inference_end')[0]!.payload).toMatchObject({ task: true, attempts: 0, client_calls: 0, client_messages: [], usage: { prompt_tokens: 0, completion_tokens: 0 }, finish_reason: null });
  });

  it('records the task\'s own wall time as latency', async () => {
    const task: TaskFunction = async ({ messages, client, signal }) => {
      const answer = await client.chat({ messages, signal });
      await delay(60);
      return answer.text;
    };
    const { of } = await run(caseFor(), { task, rows: ROWS.slice(0, 1) });
    expect(of('inference_end')[0]!.payload.latency_ms).toBeGreaterThanOrEqual(55);
  });

  it('a task that throws or returns something else fails that sample only, as an inference error with the message', async () => {
    const task: TaskFunction = ({ sample }) => {
      if (sample.sample_id === 'q2') throw new Error('retriever down');
      if (sample.sample_id === 'q3') return 42 as never;
      if (sample.sample_id === 'q4') return { output: 'x', usage: { prompt_tokens: -1 } };
      return 'The answer is B';
    };
    const { summary, of } = await run(caseFor(), { task });
    expect(of('inference_end').map((e) => e.sample_id)).toEqual(['q1']);
    const errors = Object.fromEntries(of('sample_error').map((e) => [e.sample_id, e.payload]));
    expect(errors.q2).toMatchObject({ stage: 'inference', error_type: 'TaskError', message: 'the task threw Error: retriever down' });
    expect(errors.q3).toMatchObject({ stage: 'inference', error_type: 'TaskResultError', message: expect.stringMatching(/^the task returned number 42; return a string, or \{output: string/) });
    expect(errors.q4).toMatchObject({ stage: 'inference', message: "the task's usage.prompt_tokens is number -1; give a count of tokens (0 or more)" });
    expect(summary).toMatchObject({ status: 'failed', sample_count: 4, error_count: 3 });
  });

  it('a provider error inside the task keeps its status and attempts', async () => {
    server.use(http.post('http://127.0.0.1:18080/v1/chat/completions', () => HttpResponse.json({ error: { message: 'bad request', type: 'invalid_request_error' } }, { status: 400 })));
    const { of } = await run(caseFor(), { task: async ({ messages, client }) => (await client.chat({ messages })).text, rows: ROWS.slice(0, 1) });
    expect(of('sample_error')[0]!.payload).toMatchObject({ stage: 'inference', status: 400, attempts: 1, error_type: expect.stringMatching(/^provider_/) });
  });
});

describe('a dataset that fails as a whole fails its case, whatever the error budget', () => {
  it('a folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'em-folder-'));
    const { summary, of } = await run(caseFor(`{dataset_id: d, loader: csv, path: ${JSON.stringify(dir)}}`, '    max_errors: 5'), { rows: undefined as never });
    expect(summary.status).toBe('failed');
    expect(summary.reasons[0]).toBe(`dataset "d": ${dir} is a folder, not a CSV file. Point the dataset's "path" at a file inside it`);
    expect(of('sample_error')[0]).toMatchObject({ sample_id: null, payload: { stage: 'dataset', error_type: 'DatasetError' } });
  });

  it('no rows', async () => {
    const { summary } = await run(caseFor(undefined, '    max_errors: 5'), { rows: [] });
    expect(summary).toMatchObject({ status: 'failed', sample_count: 0 });
    expect(summary.reasons[0]).toBe('dataset "d" is empty (rows from defineEvalSuite): it has no rows');
  });
});

describe('readTaskReturn', () => {
  it('reads a string or {output, usage?, metadata?}, keeping metadata as JSON would', () => {
    expect(readTaskReturn('x')).toEqual({ output: 'x', usage: { prompt_tokens: 0, completion_tokens: 0 } });
    expect(readTaskReturn({ output: 'y', usage: { completion_tokens: 4 }, metadata: { at: new Date(0), skip: undefined } })).toEqual({
      output: 'y',
      usage: { prompt_tokens: 0, completion_tokens: 4 },
      metadata: { at: '1970-01-01T00:00:00.000Z' },
    });
  });

  it('says what came back when it is not an output', () => {
    expect(() => readTaskReturn(undefined)).toThrow(/^the task returned nothing \(undefined\); return a string/);
    expect(() => readTaskReturn({ text: 'x' })).toThrow(/^the task's output is nothing \(undefined\), not a string/);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => readTaskReturn({ output: 'x', metadata: circular })).toThrow(/^the task's metadata cannot be written as JSON/);
  });
});

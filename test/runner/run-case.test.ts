// runCase against the real SDK clients and the MSW mocks: what each sample becomes, and that a
// failing sample never takes the others down.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { delay, http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expandCases } from '../../src/config/cases.js';
import { parsePipeline } from '../../src/config/load.js';
import { openAIChatCompletion, startMockInterception, type MockInterception } from '../../src/mocks/index.js';
import { runCase } from '../../src/runner/run-case.js';
import { runInProcess } from './in-process-case.js';

let server: MockInterception;
beforeAll(() => {
  server = startMockInterception();
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function row(i: number): string {
  return JSON.stringify({ goal: `goal ${i}`, sol1: `first ${i}`, sol2: `second ${i}`, label: i % 2 });
}

function caseFor(options: { rows?: string[]; datasetPath?: string; apiBase?: string; template?: string; extraTask?: string; extraMetrics?: string }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'em-runcase-'));
  const data = options.datasetPath ?? path.join(dir, 'rows.jsonl');
  if (!options.datasetPath) writeFileSync(data, (options.rows ?? [0, 1, 2, 3].map(row)).join('\n') + '\n');
  const yaml = `
api_version: evalmatrix/v1
kind: PipelineConfig
metadata: {name: run_case_test}
prompts:
  - prompt_id: p
    template: ${JSON.stringify(options.template ?? 'Q: {{ sample.goal }}\nThe answer is {{ sample.reference }}')}
datasets:
  - {dataset_id: d, loader: jsonl, path: ${JSON.stringify(data)}, params: {preprocess: piqa}}
backends:
  - backend_id: b
    config: {provider: openai, model: gpt-4o-mini, api_base: ${JSON.stringify(options.apiBase ?? 'http://127.0.0.1:18080/v1')}}
role_adapters:
  - {adapter_id: a, backend_id: b, prompt_id: p}
metrics:
  - {metric_id: acc, implementation: multi_choice_accuracy}
${options.extraMetrics ?? ''}
tasks:
  - task_id: t
    dataset_id: d
    steps: [{step: inference, adapter_id: a}, {step: auto_eval}]
    concurrency: 2
${options.extraTask ?? ''}
`;
  const [spec] = expandCases(parsePipeline(yaml, path.join(dir, 'pipeline.yaml'), { env: {} }));
  return spec!;
}

function run(spec: ReturnType<typeof caseFor>, signal?: AbortSignal) {
  return runInProcess(spec, signal ? { signal } : {});
}

describe('runCase', () => {
  it('runs many samples at once on a case signal without a listener-leak warning', async () => {
    // Each sample in flight listens on the case's signal until its call ends; past ten at once
    // Node warned "Possible EventTarget memory leak detected" for every case.
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      // Answers that take a while, so all 32 slots are waiting at once.
      server.use(
        http.post('http://127.0.0.1:18080/v1/chat/completions', async () => {
          await delay(20);
          return HttpResponse.json(openAIChatCompletion({ model: 'gpt-4o-mini', content: 'The answer is A', promptTokens: 5 }));
        }),
      );
      const spec = caseFor({ rows: Array.from({ length: 64 }, (_, i) => row(i)) });
      const { summary } = await run({ ...spec, task: { ...spec.task, concurrency: 32 } }, new AbortController().signal);
      expect(summary).toMatchObject({ sample_count: 64, error_count: 0 });
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('calls the provider once per sample, scores each, and summarizes', async () => {
    const { events, summary, of } = await run(caseFor({}));
    expect(events[0]!.event).toBe('case_start');
    expect(events.at(-1)).toMatchObject({ event: 'case_end', payload: { sample_count: 4, error_count: 0 } });
    expect(of('inference_end').map((e) => e.sample_id).sort()).toEqual(['piqa-0001', 'piqa-0002', 'piqa-0003', 'piqa-0004']);
    // The mock echoes the prompt, which ends "The answer is <reference>": every sample scores 1.
    expect(of('auto_eval_sample').map((e) => e.payload.score)).toEqual([1, 1, 1, 1]);
    expect(of('inference_end')[0]!.payload).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', attempts: 1, finish_reason: 'stop' });
    expect(summary).toMatchObject({
      sample_count: 4,
      error_count: 0,
      status: 'passed',
      metrics: [{ metric_id: 'acc', raw_values: { acc: 1 }, values: { acc: '1.00000' }, count: 4 }],
    });
    expect(summary.usage.prompt_tokens).toBeGreaterThan(0);
    expect(summary.run.timings.latency_ms.p50).toBeGreaterThan(0);
  });

  it('turns a provider error into a sample_error with status and message, and the rest go on', async () => {
    let calls = 0;
    server.use(
      http.post('http://127.0.0.1:18080/v1/chat/completions', () => {
        calls += 1;
        if (calls !== 2) return undefined; // fall through to the normal mock
        // A 400 is never retried, so this one sample fails for good.
        return HttpResponse.json({ error: { message: 'The request had an error', type: 'invalid_request_error', param: null, code: null } }, { status: 400 });
      }),
    );
    const { summary, of } = await run(caseFor({}));
    const errors = of('sample_error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.payload).toMatchObject({ stage: 'inference', status: 400, attempts: 1, error_type: 'provider_http' });
    expect(errors[0]!.payload.message).toContain('The request had an error');
    expect(of('inference_end')).toHaveLength(3);
    expect(summary).toMatchObject({ sample_count: 4, error_count: 1, status: 'failed' });
    expect(summary.reasons[0]).toContain('1 of 4 samples failed');
  });

  it('turns a malformed provider body into a sample_error naming the missing field', async () => {
    server.use(http.post('http://127.0.0.1:18080/v1/chat/completions', () => HttpResponse.json({ id: 'x', object: 'chat.completion' })));
    const { of } = await run(caseFor({ rows: [row(0)] }));
    expect(of('sample_error')[0]!.payload).toMatchObject({ stage: 'inference', error_type: 'provider_malformed' });
    expect(of('sample_error')[0]!.payload.message).toContain('choices');
  });

  it('records a malformed JSONL row as a dataset sample_error at file:line and keeps going', async () => {
    const spec = caseFor({ rows: [row(0), '{"goal": oops', row(2)], extraTask: '    max_errors: 1' });
    const { of, summary } = await run(spec);
    expect(of('sample_error')).toHaveLength(1);
    expect(of('sample_error')[0]).toMatchObject({ sample_id: 'piqa-0002', payload: { stage: 'dataset', status: null } });
    expect(of('sample_error')[0]!.payload.message).toContain(`${spec.dataset.resolvedPath}:2: `);
    expect(of('inference_end')).toHaveLength(2);
    expect(summary).toMatchObject({ sample_count: 3, error_count: 1, status: 'passed' });
  });

  it('a missing dataset file is one error for the case, which still ends cleanly', async () => {
    const { events, summary } = await run(caseFor({ datasetPath: '/nonexistent/evalmatrix/rows.jsonl' }));
    expect(events.map((e) => e.event)).toEqual(['case_start', 'sample_error', 'case_end']);
    expect(events[1]).toMatchObject({ sample_id: null, payload: { stage: 'dataset' } });
    expect((events[1]!.payload as { message: string }).message).toContain('/nonexistent/evalmatrix/rows.jsonl');
    expect(summary.status).toBe('failed');
  });

  it('in mock mode a request no mock answers fails with its method and URL, and never leaves', async () => {
    const { of } = await run(caseFor({ rows: [row(0)], apiBase: 'http://127.0.0.1:9/v1' }));
    const message = of('sample_error')[0]!.payload.message;
    expect(message).toContain('POST http://127.0.0.1:9/v1/chat/completions');
    expect(message).toContain('nothing left the machine');
  });

  it('a prompt that fails to render for a sample is a prompt sample_error', async () => {
    const { of } = await run(caseFor({ rows: [row(0)], template: '{{ sample.goal.nope() }}' }));
    expect(of('sample_error')[0]!.payload).toMatchObject({ stage: 'prompt' });
    expect(of('sample_error')[0]!.payload.message).toContain('prompt "p"');
  });

  it('a metric that overruns metric_timeout_ms is a scoring sample_error; the other metric still scores', async () => {
    // test_cpu_burn declares itself CPU-heavy, so it scores in the worker pool, which cuts it off.
    const slow = '  - {metric_id: slow, implementation: test_cpu_burn, params: {burn_ms: 60000}, metric_timeout_ms: 300}';
    const { of, summary } = await run(caseFor({ rows: [row(0)], extraMetrics: slow, extraTask: '    max_errors: 1' }));
    expect(of('sample_error').map((e) => [e.sample_id, e.payload.stage, e.payload.error_type])).toEqual([['piqa-0001', 'scoring', 'metric_timeout']]);
    expect(of('auto_eval_sample').map((e) => e.payload.metric_id)).toEqual(['acc']);
    expect(summary).toMatchObject({ sample_count: 1, error_count: 1, status: 'passed' });
  });
});

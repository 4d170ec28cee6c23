// What a case cost: the model's tokens at its price and each judge's at its own, by hand; a model
// without a known price makes the cost unknown and is named; and max_cost_usd stops a case that
// spends past it, failing it — through runCase, with a task that reports exact token counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockInterception, type MockInterception } from '../../src/mocks/index.js';
import { caseCost, tokensCost, type CasePricing } from '../../src/runner/cost.js';
import { runCase } from '../../src/runner/run-case.js';
import type { TaskFunction } from '../../src/runner/task-call.js';
import { firstCase, runInProcess } from './in-process-case.js';

const GPT_4O_MINI = { input_per_mtok: 0.15, output_per_mtok: 0.6 };
const JUDGE = { input_per_mtok: 1, output_per_mtok: 4 };
const pricing = (judgePriced = true): CasePricing => ({
  dut: { label: 'model (openai/gpt-4o-mini)', price: GPT_4O_MINI },
  judges: new Map([['grader', { label: 'grader_backend (openai/grader-mini)', price: judgePriced ? JUDGE : undefined }]]),
  prices_as_of: '2026-11-29',
});

describe('the cost of a case', () => {
  it('prices tokens per million', () => {
    expect(tokensCost({ prompt_tokens: 1_000_000, completion_tokens: 0 }, GPT_4O_MINI)).toBe(0.15);
    expect(tokensCost({ prompt_tokens: 3000, completion_tokens: 600 }, GPT_4O_MINI)).toBeCloseTo(0.00045 + 0.00036, 15);
  });

  it('adds the model and its judges, each at its own price, to the nano-dollar', () => {
    // Model: 3000 in × $0.15/M + 600 out × $0.60/M = $0.00081. Judge: 2000 × $1/M + 50 × $4/M = $0.0022.
    const { cost_usd, unpriced } = caseCost(pricing(), { prompt_tokens: 3000, completion_tokens: 600 }, new Map([['grader', { prompt_tokens: 2000, completion_tokens: 50 }]]));
    expect(cost_usd).toEqual({ total: 0.00301, dut: 0.00081, judge: 0.0022, prices_as_of: '2026-11-29' });
    expect(unpriced).toEqual([]);
  });

  it('is unknown when a model that used tokens has no price, naming it; one that used none costs nothing', () => {
    const used = caseCost(pricing(false), { prompt_tokens: 10, completion_tokens: 1 }, new Map([['grader', { prompt_tokens: 5, completion_tokens: 1 }]]));
    expect(used).toEqual({ cost_usd: null, unpriced: ['grader_backend (openai/grader-mini), judge grader'] });
    const idle = caseCost(pricing(false), { prompt_tokens: 10, completion_tokens: 0 }, new Map([['grader', { prompt_tokens: 0, completion_tokens: 0 }]]));
    expect(idle.cost_usd).toEqual({ total: 0.0000015, dut: 0.0000015, judge: 0, prices_as_of: '2026-11-29' });
  });
});

let server: MockInterception;
beforeAll(() => {
  server = startMockInterception();
});
afterAll(() => server.close());

const ROWS = [1, 2, 3, 4, 5].map((n) => ({ id: `q${n}`, question: `Question ${n}?`, answer: 'yes' }));

function caseWith(model: string, task: string) {
  const yaml = `
api_version: evalmatrix/v1
kind: PipelineConfig
metadata: {name: cost_test}
prompts: [{prompt_id: p, template: "{{ sample.question }}"}]
datasets: [{dataset_id: d, loader: code, params: {preprocess: {type: qa, question: question, answer: answer}}}]
backends: [{backend_id: b, config: {provider: openai, model: ${model}, api_base: "http://127.0.0.1:18080/v1"}}]
role_adapters: [{adapter_id: a, backend_id: b, prompt_id: p}]
metrics: [{metric_id: exact, implementation: exact_match}]
tasks:
  - {task_id: t, dataset_id: d, steps: [{step: inference, adapter_id: a}, {step: auto_eval}], concurrency: 1${task}}
`;
  return firstCase(yaml, { prefix: 'em-cost-' });
}

/** Each sample reports 1000 prompt and 200 completion tokens: $0.00027 at gpt-4o-mini's price. */
const task: TaskFunction = () => ({ output: 'yes', usage: { prompt_tokens: 1000, completion_tokens: 200 } });

async function run(spec: ReturnType<typeof caseWith>) {
  const { summary, events } = await runInProcess(spec, { task, rows: ROWS });
  return { summary, events };
}

describe('cost in a run', () => {
  it('summary.json has cost_usd: the usage at the table price, exactly', async () => {
    const { summary } = await run(caseWith('gpt-4o-mini', ''));
    expect(summary.usage_by_role?.dut).toEqual({ prompt_tokens: 5000, completion_tokens: 1000, total_tokens: 6000 });
    // 5000 × 0.15 / 1e6 + 1000 × 0.6 / 1e6 = 0.00075 + 0.0006
    expect(summary.cost_usd).toEqual({ total: 0.00135, dut: 0.00135, judge: 0, prices_as_of: '2026-11-29' });
    expect(summary.cost_unpriced).toBeUndefined();
    expect(summary.status).toBe('passed');
  });

  it('an unknown model has a null cost, names the model, and guesses nothing', async () => {
    const { summary } = await run(caseWith('house-model-7b', ''));
    expect(summary.cost_usd).toBeNull();
    expect(summary.cost_unpriced).toEqual(['b (openai/house-model-7b)']);
  });

  it('max_cost_usd: no sample starts once the cost passed it, and the case fails saying so', async () => {
    // $0.00027 a sample: past $0.0005 after the second.
    const { summary, events } = await run(caseWith('gpt-4o-mini', ', max_cost_usd: 0.0005'));
    expect(events.filter((e) => e.event === 'inference_end')).toHaveLength(2);
    expect(summary).toMatchObject({ status: 'failed', sample_count: 2, cost_usd: { total: 0.00054 } });
    expect(summary.reasons).toEqual([
      'stopped early: the cost passed max_cost_usd ($0.0005) after 2 samples had started; no sample started after that',
      'cost $0.00054 is over max_cost_usd $0.0005',
    ]);
    expect(events.at(-1)).toMatchObject({ event: 'case_end', payload: { sample_count: 2, status: 'completed' } });
  });

  it('a case within max_cost_usd passes', async () => {
    const { summary } = await run(caseWith('gpt-4o-mini', ', max_cost_usd: 0.002'));
    expect(summary).toMatchObject({ status: 'passed', sample_count: 5, cost_usd: { total: 0.00135 } });
  });
});

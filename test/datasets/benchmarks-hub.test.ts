// evals/benchmarks_hub.yaml against an imitation of the dataset viewer serving the fixtures:
// every hub dataset it names (hub_id, subset, split) reaches its benchmark mapping, and the
// prompts render the samples those make. Nothing reaches the real hub.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expandCases } from '../../src/config/cases.js';
import { loadPipeline } from '../../src/config/load.js';
import { loadDataset } from '../../src/datasets/load.js';
import { compilePrompt } from '../../src/prompts/render.js';
import { imitateHub, type FakeDataset } from './hub-imitation.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const FIXTURES: Record<string, string> = {
  mmlu: 'mmlu_mini.jsonl',
  arc_challenge: 'arc_mini.jsonl',
  hellaswag: 'hellaswag_mini.jsonl',
  truthfulqa_mc1: 'truthfulqa_mc1_mini.jsonl',
  boolq: 'boolq_mini.jsonl',
  gsm8k: 'gsm8k_mini.jsonl',
};

it('reads each benchmark of evals/benchmarks_hub.yaml from its hub split through its mapping', async () => {
  const pipeline = loadPipeline(fileURLToPath(new URL('../../evals/benchmarks_hub.yaml', import.meta.url)), { env: {} });
  const hubDatasets: FakeDataset[] = pipeline.spec.datasets.map((dataset) => {
    if (dataset.loader !== 'hf_hub') throw new Error(`${dataset.dataset_id} is not a hub dataset`);
    const { hub_id, config, split } = dataset.hub_params;
    return { hub_id, configs: { [config ?? 'default']: { [split]: fixture(FIXTURES[dataset.dataset_id]!) } } };
  });
  server.use(...imitateHub(hubDatasets).handlers);
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'em-hub-cache-'));

  const cases = expandCases(pipeline);
  expect(cases.map((c) => c.task.task_id)).toEqual(Object.keys(FIXTURES));
  for (const spec of cases) {
    const render = compilePrompt(spec.prompt);
    let count = 0;
    for await (const item of loadDataset(spec.dataset, { maxSamples: spec.task.max_samples, hub: { env: { EVALMATRIX_CACHE_DIR: cacheDir } } })) {
      if (!item.ok) throw new Error(item.error.message);
      expect(item.sample.reference, `${spec.task.task_id} ${item.sample.sample_id}`).toEqual(expect.any(String));
      expect(render(item.sample)[0]!.content).toContain(String(item.sample.question));
      count += 1;
    }
    expect(count, spec.task.task_id).toBe(fixture(FIXTURES[spec.task.task_id]!).length);
  }
});

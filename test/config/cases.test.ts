import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandCases, loadCases } from '../../src/config/cases.js';
import { loadPipeline, parsePipeline } from '../../src/config/load.js';
import { configError, fixture, PIQA_FILE } from './helpers.js';

const MATRIX_FILE = fixture('evals/matrix.yaml');

describe('expandCases', () => {
  it('makes one case of the example pipeline, its dataset resolved next to the config file', () => {
    const [only, ...rest] = loadCases(PIQA_FILE, { env: {} });
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      pipeline: 'piqa_litellm_local',
      name: 'piqa_validation_openai › litellm_openai',
      model: 'litellm_openai',
      configFile: PIQA_FILE,
      adapter: { adapter_id: 'dut_openai' },
      backend: { backend_id: 'litellm_openai', config: { provider: 'openai', model: 'gpt-4o-mini' } },
      prompt: { prompt_id: 'piqa_infer_prompt' },
      task: { task_id: 'piqa_validation_openai', max_samples: 20 },
      metrics: [{ metric_id: 'piqa_acc', implementation: 'multi_choice_accuracy' }],
    });
    expect(only?.dataset).toMatchObject({ dataset_id: 'piqa_validation', path: '../fixtures/piqa_mini.jsonl' });
    expect(only?.dataset.resolvedPath).toBe(fixture('fixtures/piqa_mini.jsonl'));
  });

  it('expands adapter_ids into one case per adapter, in config order', () => {
    const cases = loadCases(MATRIX_FILE, { env: {} });
    expect(cases.map((c) => c.name)).toEqual(['piqa_all › kimi', 'piqa_all › gpt', 'piqa_all › grok', 'other_gpt › gpt']);
    expect(cases.map((c) => c.prompt.prompt_id)).toEqual(['short', 'short', 'verbose', 'short']);
    expect(cases.map((c) => c.backend.config.provider)).toEqual(['kimi', 'openai', 'Grok', 'openai']);
    expect(new Set(cases.map((c) => c.pipeline))).toEqual(new Set(['matrix_demo']));
  });

  it('takes the auto_eval metric_ids, or every metric when it names none', () => {
    const cases = loadCases(MATRIX_FILE, { env: {} });
    expect(cases[0]?.metrics.map((m) => m.metric_id)).toEqual(['acc', 'acc_strict']);
    expect(cases[3]?.metrics.map((m) => m.metric_id)).toEqual(['acc_strict']);
  });

  it('resolves relative dataset paths against the config file and keeps absolute ones', () => {
    const cases = loadCases(MATRIX_FILE, { env: {} });
    expect(cases[0]?.dataset.resolvedPath).toBe(fixture('evals/data/piqa_mini.jsonl'));
    expect(cases[3]?.dataset.resolvedPath).toBe('/srv/data/other.jsonl');
  });

  it('has no metrics for an inference-only task', () => {
    const loaded = loadPipeline(MATRIX_FILE, { env: {} });
    const task = loaded.spec.tasks[1]!;
    const inferenceOnly = { ...loaded, spec: { ...loaded.spec, tasks: [{ ...task, steps: task.steps.slice(0, 1) }] } };
    expect(expandCases(inferenceOnly).map((c) => c.metrics)).toEqual([[]]);
  });
});

describe('matrix checks', () => {
  it('rejects two adapters of one task on the same backend (their names would collide)', () => {
    const text = readFileSync(MATRIX_FILE, 'utf8').replace(
      '{adapter_id: dut_kimi, backend_id: kimi, prompt_id: short}',
      '{adapter_id: dut_kimi, backend_id: gpt, prompt_id: short}',
    );
    const error = configError(() => parsePipeline(text, MATRIX_FILE, { env: {} }));
    expect(error.yamlPath).toBe('tasks[0].steps[0].adapter_ids[1]');
    expect(error.message).toContain('task "piqa_all" runs backend "gpt" twice (adapters "dut_kimi" and "dut_gpt")');
  });
});

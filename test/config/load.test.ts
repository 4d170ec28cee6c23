import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipeline, parsePipeline } from '../../src/config/load.js';
import { configError, fixture, PIQA_FILE, PIQA_TEXT, piqaWith, positionOf } from './helpers.js';

const parse = (text: string) => parsePipeline(text, PIQA_FILE, { env: {} });

describe('a valid pipeline', () => {
  it('loads the example pipeline with defaults filled in', () => {
    const loaded = loadPipeline(PIQA_FILE, { env: {} });
    expect(loaded.file).toBe(PIQA_FILE);
    expect(loaded.baseDir).toBe(fixture('evals'));
    const { spec } = loaded;
    expect(spec.metadata).toEqual({ name: 'piqa_litellm_local', description: 'PIQA over five providers' });
    expect(spec.prompts[0]?.template).toContain('{{ sample.goal }}');
    expect(spec.prompts[0]?.params).toEqual({ system_prompt: 'You are a careful assistant.', instruction: 'Answer with A or B.' });
    expect(spec.datasets[0]?.params).toEqual({ preprocess: 'piqa' });
    expect(spec.backends[0]?.config.generation_parameters).toEqual({ max_new_tokens: 64, temperature: 0.2 });
    expect(spec.tasks[0]).toMatchObject({ max_samples: 20, concurrency: 4, thresholds: { piqa_acc: 0 }, max_errors: 0 });
  });

  it('accepts provider aliases in any case', () => {
    expect(parse(piqaWith('provider: openai', 'provider: Kimi')).spec.backends[0]?.config.provider).toBe('Kimi');
  });
});

describe('errors', () => {
  it('names the absolute path looked for and the cwd of a missing file', () => {
    const error = configError(() => loadPipeline('evals/does-not-exist.yaml'));
    expect(error.file).toBe(resolve('evals/does-not-exist.yaml'));
    expect(error.message).toContain(`looked for ${resolve('evals/does-not-exist.yaml')}`);
    expect(error.message).toContain(`resolved against ${process.cwd()}`);
  });

  it('gives the line and column of a YAML syntax error', () => {
    const text = piqaWith('timeout: 60', 'timeout: 60: 70');
    const error = configError(() => parse(text));
    expect(error.line).toBe(positionOf(text, 'timeout: 60: 70').line);
    expect(error.column).toBe(positionOf(text, '60: 70').column);
    expect(error.message).toMatch(/^test\/config\/fixtures\/evals\/piqa\.yaml:\d+:\d+: YAML syntax error: /);
  });

  it('points at an unknown key and lists the expected ones', () => {
    const text = piqaWith('temperature: 0.2', 'temprature: 0.2');
    const error = configError(() => parse(text));
    expect(error.issues).toHaveLength(1);
    expect({ line: error.line, column: error.column }).toEqual(positionOf(text, 'temprature'));
    expect(error.yamlPath).toBe('backends[0].config.generation_parameters.temprature');
    expect(error.message).toContain('unknown key "temprature" (expected one of: max_new_tokens, temperature, top_p,');
    expect(error.message).toContain('Did you mean "temperature"?');
  });

  it('lists the keys of the step kind in question for an unknown step key', () => {
    const error = configError(() => parse(piqaWith('{step: auto_eval}', '{step: auto_eval, adapter_id: x}')));
    expect(error.message).toContain('unknown key "adapter_id" (expected one of: step, metric_ids)');
  });

  it('says what type was expected and what was found', () => {
    const text = piqaWith('timeout: 60', 'timeout: abc');
    const error = configError(() => parse(text));
    expect({ line: error.line, column: error.column }).toEqual(positionOf(text, 'abc'));
    expect(error.yamlPath).toBe('backends[0].config.timeout');
    expect(error.message).toContain('expected number, got string "abc"');
  });

  it('names a missing required field where it belongs', () => {
    const text = piqaWith('      model: gpt-4o-mini\n', '');
    const error = configError(() => parse(text));
    expect(error.yamlPath).toBe('backends[0].config.model');
    expect(error.line).toBe(positionOf(text, 'provider: openai').line);
    expect(error.message).toContain('missing required field "model"');
  });

  it('reports every schema problem at once, in file order', () => {
    const text = piqaWith('loader: jsonl', 'loader: parquet').replace('concurrency: 4', 'concurrency: 0');
    const error = configError(() => parse(text));
    expect(error.issues.map((issue) => issue.yamlPath)).toEqual(['datasets[0].loader', 'tasks[0].concurrency']);
    expect(error.issues.map((issue) => issue.line)).toEqual([positionOf(text, 'parquet').line, positionOf(text, 'concurrency: 0').line]);
    expect(error.message.split('\n')).toHaveLength(2);
  });

  it('names an unknown step kind and the known ones', () => {
    const error = configError(() => parse(piqaWith('{step: auto_eval}', '{step: auto_evil}')));
    expect(error.yamlPath).toBe('tasks[0].steps[1].step');
    expect(error.message).toContain('unknown step "auto_evil" (expected one of: inference, auto_eval)');
  });

  it('names both sides of a dangling reference and the known ids', () => {
    const text = piqaWith('dataset_id: piqa_validation\n    steps', 'dataset_id: piqa_val\n    steps');
    const error = configError(() => parse(text));
    expect(error.line).toBe(positionOf(text, 'dataset_id: piqa_val\n').line);
    expect(error.message).toContain(
      'tasks[0].dataset_id: task "piqa_validation_openai" refers to dataset "piqa_val", which is not defined; known datasets: piqa_validation',
    );
  });

  it('checks role adapter, step and threshold references', () => {
    const text = piqaWith('backend_id: litellm_openai, prompt_id', 'backend_id: litellm_opnai, prompt_id')
      .replace('adapter_id: dut_openai}, {step: auto_eval}', 'adapter_id: dut_openia}, {step: auto_eval, metric_ids: [acc, piqa_acc]}')
      .replace('thresholds: {piqa_acc: 0.0}', 'thresholds: {piqa_acc: 0.0, f1: 0.5}');
    const error = configError(() => parse(text));
    expect(error.issues.map((issue) => issue.yamlPath)).toEqual([
      'role_adapters[0].backend_id',
      'tasks[0].steps[0].adapter_id',
      'tasks[0].steps[1].metric_ids[0]',
      'tasks[0].thresholds.f1',
    ]);
    expect(error.message).toContain('role adapter "dut_openai" refers to backend "litellm_opnai", which is not defined; known backends: litellm_openai');
    expect(error.message).toContain('refers to role adapter "dut_openia", which is not defined; known role adapters: dut_openai');
    expect(error.message).toContain('refers to metric "acc", which is not defined; known metrics: piqa_acc');
    expect(error.issues[3]).toMatchObject(positionOf(text, 'f1'));
  });

  it('rejects duplicate ids', () => {
    const text = piqaWith(
      '  - {metric_id: piqa_acc, implementation: multi_choice_accuracy}\n',
      '  - {metric_id: piqa_acc, implementation: multi_choice_accuracy}\n  - {metric_id: piqa_acc, implementation: multi_choice_accuracy}\n',
    );
    const error = configError(() => parse(text));
    expect(error.yamlPath).toBe('metrics[1].metric_id');
    expect(error.line).toBe(positionOf(text, 'metric_id: piqa_acc', 2).line);
    expect(error.message).toContain('duplicate metric_id "piqa_acc": metrics[0] already uses it');
  });

  it('requires exactly one inference step', () => {
    const none = configError(() => parse(piqaWith('{step: inference, adapter_id: dut_openai}, ', '')));
    expect(none.message).toContain('task "piqa_validation_openai" has no inference step');
    const two = configError(() => parse(piqaWith('{step: auto_eval}', '{step: inference, adapter_id: dut_openai}')));
    expect(two.yamlPath).toBe('tasks[0].steps[1]');
    expect(two.message).toContain('has 2 inference steps; a task has exactly one');
  });

  it('rejects a threshold on a metric the task does not compute', () => {
    const error = configError(() => parse(piqaWith(', {step: auto_eval}]', ']')));
    expect(error.message).toContain('threshold for metric "piqa_acc" but no auto_eval step');
  });

  it('lists the known providers for an unknown one', () => {
    const text = piqaWith('provider: openai', 'provider: opneai');
    const error = configError(() => parse(text));
    expect({ line: error.line, column: error.column }).toEqual(positionOf(text, 'opneai'));
    expect(error.message).toContain(
      'backends[0].config.provider: unknown provider "opneai"; known providers: openai, anthropic, gemini (google), xai (grok), moonshot (kimi), azure (azure_openai)',
    );
    expect(error.message).toContain('Did you mean "openai"?');
  });

  it('says so when the file is empty', () => {
    expect(configError(() => parse('')).message).toContain('the file is empty');
  });
});

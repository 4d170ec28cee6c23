// Model matrix × template: structural filling, per-entry validation and skipping, MAX_SAMPLES,
// and errors that point at the matrix entry a bad value came from.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandCases } from '../../src/config/cases.js';
import { loadPipeline } from '../../src/config/load.js';
import { renderMatrix } from '../../src/config/matrix.js';
import { defineMetric } from '../../src/metrics/metric.js';
import { renderEvalMatrix } from '../../src/runner/load-eval-pipeline.js';
import { renderedFileText } from '../../src/config/matrix-output.js';
import { configError, positionOf } from './helpers.js';

const EVALS = fileURLToPath(new URL('../../evals/', import.meta.url));
const TEMPLATE = path.join(EVALS, 'template.yaml');
const MOCK_MATRIX = path.join(EVALS, 'model_matrix.mock.yaml');
const LIVE_MATRIX = path.join(EVALS, 'model_matrix.yaml');

const ENTRY = `  - name: one
    provider: openai
    model_name: gpt-4o-mini
    api_base: http://127.0.0.1:18080/v1
    api_key_env: OPENAI_API_KEY
    max_new_tokens: 16
    timeout: 30
`;

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'em-matrix-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const matrixOf = (entries: string, head = 'pipeline: test_matrix\n') => tempFile('matrix.yaml', `${head}models:\n${entries}`);

describe('the shipped matrices', () => {
  it('render five mock entries into cases `demo › <name>` of one pipeline', () => {
    const { rendered, skipped } = renderMatrix(MOCK_MATRIX, TEMPLATE, { env: {} });
    expect(skipped).toEqual([]);
    const cases = rendered.flatMap((r) => expandCases(r.pipeline));
    expect(cases.map((c) => c.name)).toEqual(['demo › openai_mock', 'demo › anthropic_mock', 'demo › google_mock', 'demo › grok_mock', 'demo › kimi_mock']);
    expect(new Set(cases.map((c) => c.pipeline))).toEqual(new Set(['litellm_mock_matrix']));
    expect(cases.map((c) => c.backend.config.api_base)).toEqual([18080, 18081, 18082, 18083, 18084].map((port, i) => `http://127.0.0.1:${port}${i === 1 || i === 2 ? '' : '/v1'}`));
    expect(cases[0]?.dataset.resolvedPath).toBe(path.resolve(EVALS, '../fixtures/piqa_mini.jsonl'));
    expect(cases[0]?.task).toMatchObject({ max_samples: 5, concurrency: 2 });
    expect(cases[0]?.backend.config).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', api_key_env: 'OPENAI_API_KEY', timeout: 30, generation_parameters: { max_new_tokens: 64 } });
  });

  it('render the live matrix with its public bases, or the ones the environment names', () => {
    const bases = (env: Record<string, string>) => renderMatrix(LIVE_MATRIX, TEMPLATE, { env }).rendered.map((r) => r.pipeline.spec.backends[0]?.config.api_base);
    expect(bases({})).toEqual(['https://api.openai.com/v1', 'https://api.anthropic.com', 'https://generativelanguage.googleapis.com', 'https://api.x.ai/v1', 'https://api.moonshot.cn/v1']);
    expect(bases({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' })[0]).toBe('http://127.0.0.1:9/v1');
  });

  it('let MAX_SAMPLES override every entry, and reject a MAX_SAMPLES that is not a count', () => {
    const { rendered } = renderMatrix(MOCK_MATRIX, TEMPLATE, { env: { MAX_SAMPLES: '2' } });
    expect(rendered.map((r) => r.pipeline.spec.tasks[0]?.max_samples)).toEqual([2, 2, 2, 2, 2]);
    const error = configError(() => renderMatrix(MOCK_MATRIX, TEMPLATE, { env: { MAX_SAMPLES: 'lots' } }));
    expect(error.message).toContain('MAX_SAMPLES="lots" in the environment is not a positive whole number');
  });
});

describe('structural filling', () => {
  it('keeps a hostile value exactly: quotes, colons, newlines and ${ cannot break the YAML or reach the environment', () => {
    const hostile = 'gpt "4o": mini\nnext_key: injected # not a comment ${HOME} \' [x]';
    // The matrix file has ${VAR} interpolation of its own, where $${ is a literal ${.
    const quoted = JSON.stringify(hostile).replace('${', () => '$${');
    const matrix = matrixOf(ENTRY.replace('model_name: gpt-4o-mini', () => `model_name: ${quoted}`));
    const { rendered, skipped } = renderMatrix(matrix, TEMPLATE, { env: { HOME: '/root' } });
    expect(skipped).toEqual([]);
    expect(rendered[0]?.pipeline.spec.backends[0]?.config.model).toBe(hostile);
    expect(rendered[0]?.pipeline.spec.metadata.description).toBe(`PIQA (mini) demo for ${hostile} through openai`);

    // Written out and read back, it is still the same value, and nothing else changed.
    const out = mkdtempSync(path.join(tmpdir(), 'em-out-'));
    const file = path.join(out, 'one.yaml');
    writeFileSync(file, renderedFileText(rendered[0]!, out, matrix));
    const loaded = loadPipeline(file, { env: { HOME: '/root' } });
    expect(loaded.spec.backends[0]?.config.model).toBe(hostile);
    expect(Object.keys(loaded.spec.backends[0]!.config).sort()).toEqual(Object.keys(rendered[0]!.pipeline.spec.backends[0]!.config).sort());
  });

  it('leaves out a key whose optional value an entry does not give, so the default applies', () => {
    const { rendered } = renderMatrix(matrixOf(ENTRY), TEMPLATE, { env: {} });
    const task = rendered[0]!.pipeline.spec.tasks[0]!;
    expect(task.max_samples).toBeUndefined();
    expect(task.concurrency).toBe(4);
    expect(rendered[0]!.doc.toString()).not.toMatch(/^\s*max_samples:/m);
  });

  it('re-anchors relative dataset paths to the folder the config is written to', () => {
    const { rendered } = renderMatrix(MOCK_MATRIX, TEMPLATE, { env: {} });
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'em-out-')), 'deep', 'er');
    mkdirSync(out, { recursive: true });
    const file = path.join(out, 'x.yaml');
    writeFileSync(file, renderedFileText(rendered[0]!, out, MOCK_MATRIX));
    const [only] = expandCases(loadPipeline(file, { env: {} }));
    expect(only?.dataset.resolvedPath).toBe(path.resolve(EVALS, '../fixtures/piqa_mini.jsonl'));
    expect(readFileSync(file, 'utf8')).toMatch(/^# Rendered by `evalmatrix matrix render` from evals\/template\.yaml for entry "openai_mock"/);
  });
});

describe('bad entries are skipped with the reason; the others render', () => {
  it('names the entry, the field and the matrix line for an entry that breaks the entry schema', () => {
    const bad = ENTRY.replace('name: one', 'name: two').replace('timeout: 30', 'timeout: soon');
    const matrix = matrixOf(ENTRY + bad);
    const { rendered, skipped } = renderMatrix(matrix, TEMPLATE, { env: {} });
    expect(rendered.map((r) => r.entry.name)).toEqual(['one']);
    const text = readFileSync(matrix, 'utf8');
    const { line, column } = positionOf(text, 'soon');
    expect(skipped).toEqual([{ index: 1, name: 'two', reason: `${matrix}:${line}:${column} models[1].timeout: expected number, got string "soon"` }]);
  });

  it('skips a second entry with the same name', () => {
    const { rendered, skipped } = renderMatrix(matrixOf(ENTRY + ENTRY), TEMPLATE, { env: {} });
    expect(rendered).toHaveLength(1);
    expect(skipped[0]?.reason).toContain('models[1].name: duplicate name "one": models[0] already uses it');
  });

  it('skips an entry whose name differs from an earlier one only in case (one output folder on macOS and Windows)', () => {
    const { rendered, skipped } = renderMatrix(matrixOf(ENTRY + ENTRY.replace('name: one', 'name: ONE')), TEMPLATE, { env: {} });
    expect(rendered.map((r) => r.entry.name)).toEqual(['one']);
    expect(skipped[0]?.reason).toContain('models[1].name: duplicate name "ONE": models[0] already uses it (or a name that shares its output folder)');
  });

  it('points a pipeline error caused by an entry value back at that value', () => {
    const matrix = matrixOf(ENTRY.replace('api_base: http://127.0.0.1:18080/v1', 'api_base: not a url'));
    const { skipped } = renderMatrix(matrix, TEMPLATE, { env: {} });
    const template = readFileSync(TEMPLATE, 'utf8');
    const at = positionOf(template, '${{ matrix.api_base }}');
    const from = positionOf(readFileSync(matrix, 'utf8'), 'not a url');
    expect(skipped[0]?.reason).toBe(
      `evals/template.yaml:${at.line}:${at.column} backends[0].config.api_base: expected a URL, got string "not a url" (the value comes from models[0].api_base at ${matrix}:${from.line}:${from.column})`,
    );
  });

  it('skips every entry, saying what to add, when the template uses a pipeline the matrix lacks', () => {
    const { skipped } = renderMatrix(matrixOf(ENTRY, ''), TEMPLATE, { env: {} });
    expect(skipped[0]?.reason).toContain('metadata.name: the matrix has no pipeline, which the template uses in this value. Add pipeline: <name> at the top of the matrix file');
  });
});

describe('broken files are fatal', () => {
  it('rejects a template placeholder naming no matrix field, at its line', () => {
    const template = tempFile('template.yaml', readFileSync(TEMPLATE, 'utf8').replace('${{ matrix.model_name }}\n', '${{ matrix.modelname }}\n'));
    const error = configError(() => renderMatrix(MOCK_MATRIX, template, { env: {} }));
    expect(error.message).toContain('backends[0].config.model: unknown matrix field "modelname" (known: pipeline, name, provider, model_name,');
    expect(error.message).toContain('Did you mean "model_name"?');
  });

  it('rejects a template whose own content is invalid, whatever the entry', () => {
    const template = tempFile('template.yaml', readFileSync(TEMPLATE, 'utf8').replace('role_type: dut_model', 'role_type: vibes'));
    const error = configError(() => renderMatrix(MOCK_MATRIX, template, { env: {} }));
    expect(error.message).toContain('role_adapters[0].role_type: expected one of: dut_model, judge_model');
  });

  it('rejects a template naming an unknown metric implementation, located, through the loader every entry point uses', () => {
    const text = readFileSync(TEMPLATE, 'utf8').replace('implementation: multi_choice_accuracy', 'implementation: multi_choice_acuracy');
    const template = tempFile('template.yaml', text);
    const error = configError(() => renderEvalMatrix(MOCK_MATRIX, template, { env: {} }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ yamlPath: 'metrics[0].implementation', line: positionOf(text, 'multi_choice_acuracy').line });
    expect(error.message).toContain('unknown implementation "multi_choice_acuracy" (built-in: multi_choice_accuracy');
    expect(error.message).toContain('Did you mean "multi_choice_accuracy"?');
    expect(error.message).not.toContain('test_cpu_burn');
  });

  it('renders a template naming a metric registered from TypeScript when it is given, as defineMatrixSuite({ metrics }) does', () => {
    const template = tempFile('template.yaml', readFileSync(TEMPLATE, 'utf8').replace('implementation: multi_choice_accuracy', 'implementation: shout'));
    const shout = defineMetric({ name: 'shout', score: ({ output }) => output.text === output.text.toUpperCase() });
    const { rendered, skipped } = renderEvalMatrix(MOCK_MATRIX, template, { env: {}, metrics: [shout] });
    expect(skipped).toEqual([]);
    expect(rendered.map((r) => r.pipeline.spec.metrics[0]?.implementation)).toEqual(rendered.map(() => 'shout'));
  });

  it('rejects a matrix that is not a mapping with models, and a missing file', () => {
    expect(configError(() => renderMatrix(tempFile('m.yaml', '- a\n- b\n'), TEMPLATE, { env: {} })).message).toContain('a model matrix is a mapping with a models list');
    expect(configError(() => renderMatrix(tempFile('m.yaml', 'modles: []\n'), TEMPLATE, { env: {} })).message).toContain('unknown key "modles" (expected one of: pipeline, models)');
    expect(configError(() => renderMatrix('/nonexistent/m.yaml', TEMPLATE, { env: {} })).message).toContain('model matrix file not found: looked for /nonexistent/m.yaml');
  });
});

// The metrics layer's load-time checks through the loader every entry point uses: each bad
// metric or judge in the YAML is a located ConfigError (file:line, YAML path) that says what
// is known and what to do; nothing waits for the first sample.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineMetric } from '../../src/metrics/metric.js';
import { MetricRegistry } from '../../src/metrics/registry.js';
import { parseEvalPipeline } from '../../src/runner/load-eval-pipeline.js';
import { configError, positionOf } from '../config/helpers.js';

const FILE = fileURLToPath(new URL('./fixtures/judged.yaml', import.meta.url));
const TEXT = readFileSync(FILE, 'utf8');

const shortEnough = defineMetric({
  name: 'short_enough',
  params: z.object({ max_chars: z.number().int().positive() }).strict(),
  score: ({ output, params }) => output.text.length <= params.max_chars,
});

function withText(find: string, replace: string): string {
  expect(TEXT.split(find)).toHaveLength(2);
  return TEXT.replace(find, replace);
}

const load = (text: string, metrics = [shortEnough]) => parseEvalPipeline(text, FILE, { env: {}, metrics });

describe('metric checks at load', () => {
  it('accepts the pipeline as written: a built-in judge and a registered metric', () => {
    const { spec } = load(TEXT);
    expect(spec.metrics.map((m) => m.implementation)).toEqual(['llm_judge', 'short_enough']);
  });

  it('an unknown implementation: located, the built-ins and the registered names, a suggestion; no test-only metric', () => {
    const text = withText('implementation: short_enough', 'implementation: short_enuf');
    const error = configError(() => load(text));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ yamlPath: 'metrics[1].implementation', ...positionOf(text, 'short_enuf') });
    expect(error.message).toMatch(/judged\.yaml:\d+:\d+ metrics\[1\]\.implementation: metric "length_ok": unknown implementation "short_enuf" \(built-in: [^)]*llm_judge[^)]*; registered from TypeScript: short_enough\)/);
    expect(error.message).toContain('Did you mean "short_enough"?');
    expect(error.message).toContain('defineEvalSuite(config, { metrics: [yourMetric] })');
    expect(error.message).not.toContain('test_cpu_burn');
  });

  it('a metric defined in TypeScript but not registered fails at load, saying none is registered', () => {
    const error = configError(() => load(TEXT, []));
    expect(error.message).toContain('unknown implementation "short_enough"');
    expect(error.message).toContain('registered from TypeScript: none');
  });

  it("a custom metric's params go through its own schema, located, with the shape it expects", () => {
    const text = withText('params: {max_chars: 40}', 'params: {max_chars: "forty"}');
    const error = configError(() => load(text));
    expect(error.issues[0]).toMatchObject({ yamlPath: 'metrics[1].params.max_chars', line: positionOf(text, '"forty"').line });
    expect(error.message).toContain('metric "length_ok": expected number, got string "forty"');
    expect(error.message).toContain('short_enough takes params {max_chars: integer}');
  });

  it("judge choices of the wrong type, or missing: located under params, with llm_judge's shape", () => {
    const wrong = withText('choices: {Y: 1, N: 0}', 'choices: {Y: high, N: 0}');
    const error = configError(() => load(wrong));
    expect(error.issues[0]).toMatchObject({ yamlPath: 'metrics[0].params.choices.Y', line: positionOf(wrong, 'high').line });
    expect(error.message).toContain('expected number, got string "high"');
    expect(error.message).toContain('llm_judge takes params {judge: string, choices?: {<key>: number}, scale?: {min: number, max: number}, use_cot?: boolean}');

    const missing = withText(', choices: {Y: 1, N: 0}', '');
    const noChoices = configError(() => load(missing));
    expect(noChoices.issues[0]).toMatchObject({ yamlPath: 'metrics[0].params' });
    expect(noChoices.message).toContain('llm_judge needs choices or scale; it has neither');

    const both = configError(() => load(withText('choices: {Y: 1, N: 0}', 'choices: {Y: 1, N: 0}, scale: {min: 1, max: 10}')));
    expect(both.message).toContain('llm_judge takes choices or scale, not both');

    const noJudge = configError(() => load(withText('judge: strict_judge, ', '')));
    expect(noJudge.issues[0]).toMatchObject({ yamlPath: 'metrics[0].params.judge' });
    expect(noJudge.message).toContain('missing required field "judge" (expected string)');

    const stray = configError(() => load(withText('choices: {Y: 1, N: 0}', 'choices: {Y: 1, N: 0}, temperature: 0')));
    expect(stray.issues[0]).toMatchObject({ yamlPath: 'metrics[0].params.temperature' });
    expect(stray.message).toContain('unknown key "temperature" (expected one of: judge, choices, scale, use_cot)');

    const badScale = configError(() => load(withText('choices: {Y: 1, N: 0}', 'scale: {min: 10, max: 1}')));
    expect(badScale.message).toContain('scale.max must be greater than scale.min');
  });

  it('a judge naming an unknown adapter: both names and the known judges, with a suggestion', () => {
    const text = withText('judge: strict_judge', 'judge: strict_judg');
    const error = configError(() => load(text));
    expect(error.issues[0]).toMatchObject({ yamlPath: 'metrics[0].params.judge', line: positionOf(text, 'strict_judg,').line });
    expect(error.message).toContain('metric "correct" names judge "strict_judg", which is not a role adapter; known judges (role_type judge_model): strict_judge');
    expect(error.message).toContain('Did you mean "strict_judge"?');
  });

  it('a judge naming a dut_model adapter, and a judge_model adapter run as the model under test', () => {
    const judgeIsDut = configError(() => load(withText('judge: strict_judge', 'judge: dut')));
    expect(judgeIsDut.message).toContain('metric "correct" names judge "dut", a role adapter whose role_type is dut_model; known judges (role_type judge_model): strict_judge');
    expect(judgeIsDut.message).toContain('Give role adapter "dut" role_type: judge_model');

    const text = withText('{step: inference, adapter_id: dut}', '{step: inference, adapter_id: strict_judge}');
    const judgeAsDut = configError(() => load(text));
    expect(judgeAsDut.issues[0]).toMatchObject({ yamlPath: 'tasks[0].steps[0].adapter_id', line: positionOf(text, '{step: inference, adapter_id: strict_judge}').line });
    expect(judgeAsDut.message).toContain('task "qa_task" runs role adapter "strict_judge" as the model under test, but its role_type is judge_model');
  });

  it('reports every metric problem of the file at once', () => {
    const text = withText('implementation: short_enough', 'implementation: nope').replace('judge: strict_judge', 'judge: nobody');
    expect(configError(() => load(text)).issues.map((i) => i.yamlPath)).toEqual(['metrics[0].params.judge', 'metrics[1].implementation']);
  });
});

describe('registering metrics', () => {
  it('refuses a built-in name, a duplicate, and cpu_heavy without the module to import it from', () => {
    const again = defineMetric({ name: 'short_enough', score: () => 1 });
    expect(() => new MetricRegistry([defineMetric({ name: 'llm_judge', score: () => 1 })])).toThrow('"llm_judge" is the name of a built-in metric');
    expect(() => new MetricRegistry([shortEnough, again])).toThrow('two metrics are registered as "short_enough"');
    expect(() => new MetricRegistry([defineMetric({ name: 'heavy', cpu_heavy: true, score: () => 1 })])).toThrow('cpu_heavy needs module: import.meta.url');
    expect(new MetricRegistry([defineMetric({ name: 'heavy', cpu_heavy: true, module: import.meta.url, score: () => 1 })]).names().registered).toEqual(['heavy']);
  });

  it('lists the built-ins users may name, never the test-only metric', () => {
    const { builtin } = new MetricRegistry().names();
    expect(builtin).toContain('llm_judge');
    expect(builtin).toContain('multi_choice_accuracy');
    expect(builtin).not.toContain('test_cpu_burn');
  });
});

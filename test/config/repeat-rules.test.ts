// `repeats` on a task: the default, the bound, and thresholds on statistics that need repeats —
// each refused when the pipeline loads, located in the YAML with what to do.
import { describe, expect, it } from 'vitest';
import { parsePipeline } from '../../src/config/load.js';
import { configError, PIQA_FILE, piqaWith, positionOf } from './helpers.js';

const parse = (text: string) => parsePipeline(text, PIQA_FILE, { env: {} });

describe('repeats', () => {
  it('defaults to 1 and takes a whole number up to 100', () => {
    expect(parse(piqaWith('concurrency: 4', 'concurrency: 4')).spec.tasks[0]!.repeats).toBe(1);
    expect(parse(piqaWith('concurrency: 4', 'concurrency: 4\n    repeats: 100')).spec.tasks[0]!.repeats).toBe(100);
  });

  it('refuses more than 100 trials a sample, at the key, saying what to do', () => {
    const text = piqaWith('concurrency: 4', 'concurrency: 4\n    repeats: 500');
    const error = configError(() => parse(text));
    expect(error.yamlPath).toBe('tasks[0].repeats');
    expect(error.line).toBe(positionOf(text, 'repeats: 500').line);
    expect(error.message).toContain('task "piqa_validation_openai" repeats each sample 500 times; the most is 100. Lower repeats');
  });

  it('refuses 0 and fractions through the schema', () => {
    expect(configError(() => parse(piqaWith('concurrency: 4', 'concurrency: 4\n    repeats: 0'))).yamlPath).toBe('tasks[0].repeats');
    expect(configError(() => parse(piqaWith('concurrency: 4', 'concurrency: 4\n    repeats: 2.5'))).message).toContain('expected integer');
  });

  it('refuses a threshold on pass_at_k, pass_hat_k or trial_agreement when each sample runs once', () => {
    for (const on of ['pass_at_k', 'pass_hat_k', 'trial_agreement']) {
      const text = piqaWith('thresholds: {piqa_acc: 0.0}', `thresholds: {piqa_acc: {min: 0.5, on: ${on}}}`);
      const error = configError(() => parse(text));
      expect(error.yamlPath).toBe('tasks[0].thresholds.piqa_acc.on');
      expect(error.message).toContain(`threshold on piqa_acc ${on}, which exists only when each sample runs more than once (repeats is 1). Add repeats: 5`);
    }
  });

  it('takes thresholds on the interval at any repeats, and on pass@k with repeats', () => {
    expect(parse(piqaWith('thresholds: {piqa_acc: 0.0}', 'thresholds: {piqa_acc: {min: 0.5, on: ci_low}}')).spec.tasks[0]!.thresholds).toEqual({ piqa_acc: { min: 0.5, on: 'ci_low' } });
    const text = piqaWith('thresholds: {piqa_acc: 0.0}', 'thresholds: {piqa_acc: {min: 0.5, on: pass_at_k}}\n    repeats: 5');
    expect(parse(text).spec.tasks[0]).toMatchObject({ repeats: 5, thresholds: { piqa_acc: { on: 'pass_at_k' } } });
  });

  it('names the accepted targets for an unknown one', () => {
    const error = configError(() => parse(piqaWith('thresholds: {piqa_acc: 0.0}', 'thresholds: {piqa_acc: {min: 0.5, on: ci_lo}}')));
    expect(error.yamlPath).toBe('tasks[0].thresholds.piqa_acc.on');
    expect(error.message).toContain('expected one of: mean, pass_rate, ci_low, ci_high, pass_at_k, pass_hat_k, trial_agreement, got string "ci_lo". Did you mean "ci_low"?');
    // A misspelt key is named with the keys a threshold takes.
    const key = configError(() => parse(piqaWith('thresholds: {piqa_acc: 0.0}', 'thresholds: {piqa_acc: {min: 0.5, of: ci_low}}')));
    expect(key.message).toContain('tasks[0].thresholds.piqa_acc.of: unknown key "of" (expected one of: min, on)');
  });
});

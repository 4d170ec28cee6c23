import { describe, expect, it } from 'vitest';
import { coerceScalar, substitute } from '../../src/config/interpolate.js';
import { parsePipeline } from '../../src/config/load.js';
import { configError, PIQA_FILE, PIQA_TEXT, piqaWith, positionOf } from './helpers.js';

describe('substitute', () => {
  it('uses the variable, or the default when it is unset or empty', () => {
    expect(substitute('${N:-20}', {}).text).toBe('20');
    expect(substitute('${N:-20}', { N: '' }).text).toBe('20');
    expect(substitute('${N:-20}', { N: '5' }).text).toBe('5');
    expect(substitute('${N:-}', {}).text).toBe('');
  });

  it('counts an empty variable as set for ${VAR}', () => {
    expect(substitute('${N}', { N: '' })).toEqual({ text: '', whole: true, problems: [] });
  });

  it('substitutes text inside longer strings', () => {
    const result = substitute('http://${HOST:-localhost}:${PORT}/v1', { PORT: '18080' });
    expect(result).toEqual({ text: 'http://localhost:18080/v1', whole: false, problems: [] });
  });

  it('keeps $${ as a literal ${', () => {
    expect(substitute('echo $${HOME} ${A}', { A: 'x', HOME: '/root' }).text).toBe('echo ${HOME} x');
  });

  it('reports an unset variable with what to do', () => {
    const [problem, ...rest] = substitute('${MISSING}', {}).problems;
    expect(rest).toEqual([]);
    expect(problem?.message).toContain('MISSING');
    expect(problem?.hint).toContain('export MISSING=');
    expect(problem?.hint).toContain('${MISSING:-default}');
  });

  it('reports malformed placeholders instead of leaving them in place', () => {
    expect(substitute('${1X}', {}).problems[0]?.message).toBe('malformed placeholder "${1X}"');
    expect(substitute('${N-5}', {}).problems).toHaveLength(1);
    expect(substitute('a ${OPEN', {}).problems[0]?.message).toContain('${OPEN');
  });
});

describe('coerceScalar', () => {
  it('turns numbers and true/false into values, leaves other text alone', () => {
    expect(coerceScalar('20')).toBe(20);
    expect(coerceScalar('-0.5')).toBe(-0.5);
    expect(coerceScalar('1e3')).toBe(1000);
    expect(coerceScalar('true')).toBe(true);
    expect(coerceScalar('false')).toBe(false);
    expect(coerceScalar('gpt-4o')).toBe('gpt-4o');
    expect(coerceScalar('')).toBe('');
    expect(coerceScalar('0x10')).toBe('0x10');
  });
});

describe('interpolation in a pipeline file', () => {
  it('applies the default and makes a whole placeholder a number', () => {
    const { spec } = parsePipeline(PIQA_TEXT, PIQA_FILE, { env: {} });
    expect(spec.tasks[0]?.max_samples).toBe(20);
  });

  it('uses the environment', () => {
    const { spec } = parsePipeline(PIQA_TEXT, PIQA_FILE, { env: { PIQA_MAX_SAMPLES: '3' } });
    expect(spec.tasks[0]?.max_samples).toBe(3);
  });

  it('substitutes inside strings and keeps quoted placeholders as text', () => {
    const text = piqaWith('model: gpt-4o-mini', 'model: "${MODEL}"').replace(
      'api_base: http://127.0.0.1:18080/v1',
      'api_base: http://127.0.0.1:${PORT:-18080}/v1',
    );
    const { spec } = parsePipeline(text, PIQA_FILE, { env: { MODEL: '4', PORT: '18081' } });
    expect(spec.backends[0]?.config.model).toBe('4');
    expect(spec.backends[0]?.config.api_base).toBe('http://127.0.0.1:18081/v1');
  });

  it('names the unset variable, its line and YAML path', () => {
    const text = piqaWith('max_samples: ${PIQA_MAX_SAMPLES:-20}', 'max_samples: ${PIQA_MAX_SAMPLES}');
    const error = configError(() => parsePipeline(text, PIQA_FILE, { env: {} }));
    const { line, column } = positionOf(text, '${PIQA_MAX_SAMPLES}');
    expect(error.line).toBe(line);
    expect(error.column).toBe(column);
    expect(error.yamlPath).toBe('tasks[0].max_samples');
    expect(error.message).toContain(`piqa.yaml:${line}:${column} tasks[0].max_samples: environment variable PIQA_MAX_SAMPLES is not set`);
    expect(error.message).toContain('export PIQA_MAX_SAMPLES=');
  });

  it('reports every unset variable at once', () => {
    const text = piqaWith('model: gpt-4o-mini', 'model: ${MODEL}').replace('timeout: 60', 'timeout: ${TIMEOUT}');
    const error = configError(() => parsePipeline(text, PIQA_FILE, { env: {} }));
    expect(error.issues.map((issue) => issue.yamlPath)).toEqual(['backends[0].config.model', 'backends[0].config.timeout']);
    expect(error.message.split('\n')).toHaveLength(2);
  });
});

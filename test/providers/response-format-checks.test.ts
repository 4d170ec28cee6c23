// At load: a response_format whose JSON Schema is itself invalid is a config error at its line,
// with ajv's reason, for a prompt's and a backend's alike.
import { describe, expect, it } from 'vitest';
import { parsePipeline } from '../../src/config/load.js';
import { responseFormatChecks } from '../../src/providers/structured/checks.js';
import { configError, PIQA_FILE, piqaWith, positionOf } from '../config/helpers.js';

const load = (text: string) => parsePipeline(text, PIQA_FILE, { env: {}, checks: [responseFormatChecks()] });

describe('responseFormatChecks', () => {
  it('passes valid schemas and `json`', () => {
    const text = piqaWith('    renderer: jinja\n', '    renderer: jinja\n    response_format: {json_schema: {type: object, properties: {a: {type: string}}}}\n').replace(
      'temperature: 0.2}',
      'temperature: 0.2}\n      response_format: json',
    );
    expect(load(text).spec.backends[0]?.config.response_format).toBe('json');
  });

  it('names an invalid schema at its line with ajv’s reason', () => {
    const text = piqaWith('    renderer: jinja\n', '    renderer: jinja\n    response_format: {json_schema: {type: objekt}}\n').replace(
      'temperature: 0.2}',
      'temperature: 0.2}\n      response_format: {json_schema: {type: object, required: yes}}',
    );
    const error = configError(() => load(text));
    expect(error.issues.map((i) => i.yamlPath)).toEqual(['prompts[0].response_format.json_schema', 'backends[0].config.response_format.json_schema']);
    expect(error.issues[0]?.line).toBe(positionOf(text, '{json_schema: {type: objekt}}').line);
    expect(error.issues[0]?.message).toMatch(/^the JSON Schema is invalid: schema is invalid: data\/type must be equal to one of the allowed values/);
    expect(error.issues[1]?.message).toContain('data/required must be array');
  });
});

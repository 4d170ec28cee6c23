import { describe, expect, it } from 'vitest';
import { jsonSchema } from '../../src/metrics/builtins/json-schema.js';
import { jsonValid } from '../../src/metrics/builtins/json-valid.js';
import { scoreWith } from './score-with.js';

describe('json_valid', () => {
  it('accepts JSON inside a Markdown fence', async () => {
    expect(await scoreWith(jsonValid, { text: '```json\n{"a": 1}\n```' })).toEqual({ score: 1, prediction: 'object', reference: null });
  });

  it("scores text that is not JSON 0 with the parser's reason", async () => {
    const scored = await scoreWith(jsonValid, { text: '{a: 1}' });
    expect(scored).toMatchObject({ score: 0, prediction: null });
    expect(scored.rationale).toMatch(/^not JSON: /);
    expect((await scoreWith(jsonValid, { text: '  ' })).rationale).toBe('the answer is empty');
  });

  it('checks the type when one is asked for', async () => {
    expect(await scoreWith(jsonValid, { text: '{"a": 1}', params: { type: 'array' } })).toMatchObject({ score: 0, prediction: 'object', rationale: 'the JSON is an object, not an array' });
    expect((await scoreWith(jsonValid, { text: '[1]', params: { type: 'array' } })).score).toBe(1);
    expect((await scoreWith(jsonValid, { text: '"hi"', params: { type: 'object' } })).rationale).toBe('the JSON is a string, not an object');
  });

  it('prefers the parsed answer the runner passes as output.json', async () => {
    expect((await scoreWith(jsonValid, { text: 'not json', json: { a: 1 } })).score).toBe(1);
  });
});

const person = {
  type: 'object',
  required: ['name', 'address'],
  properties: {
    name: { type: 'string' },
    address: { type: 'object', required: ['zip'], properties: { zip: { type: 'string', pattern: '^[0-9]{5}$' } } },
  },
};

describe('json_schema', () => {
  it('passes a reply that validates', async () => {
    expect(await scoreWith(jsonSchema, { text: '```\n{"name": "Ada", "address": {"zip": "12345"}}\n```', params: { schema: person } })).toEqual({
      score: 1,
      prediction: null,
      reference: null,
    });
  });

  it('records the first failing nested path and ajv\'s message', async () => {
    expect(await scoreWith(jsonSchema, { text: '{"name": "Ada", "address": {"zip": 12345}}', params: { schema: person } })).toEqual({
      score: 0,
      prediction: null,
      reference: null,
      rationale: '/address/zip: must be string',
      metadata: { path: '/address/zip', message: 'must be string', keyword: 'type', schema_path: '#/properties/address/properties/zip/type' },
    });
  });

  it('names a missing property by its own path', async () => {
    const scored = await scoreWith(jsonSchema, { text: '{"name": "Ada", "address": {}}', params: { schema: person } });
    expect(scored).toMatchObject({ score: 0, rationale: "/address/zip: must have required property 'zip'" });
    expect((await scoreWith(jsonSchema, { text: '[]', params: { schema: person } })).rationale).toBe('/: must be object');
  });

  it('scores a reply that is not JSON 0 with the reason', async () => {
    expect(await scoreWith(jsonSchema, { text: '', params: { schema: person } })).toMatchObject({ score: 0, rationale: 'the answer is empty', metadata: { path: null } });
  });

  it('validates draft 2020-12 schemas when $schema says so', async () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] };
    expect((await scoreWith(jsonSchema, { text: '["a", 1]', params: { schema } })).score).toBe(1);
    expect((await scoreWith(jsonSchema, { text: '[1, 1]', params: { schema } })).rationale).toBe('/0: must be string');
  });

  it('enforces format (ajv-formats): an email that is not one fails at its path', async () => {
    const schema = { type: 'object', properties: { email: { type: 'string', format: 'email' }, at: { type: 'string', format: 'date' } } };
    expect((await scoreWith(jsonSchema, { text: '{"email": "ada@example.com", "at": "2026-11-29"}', params: { schema } })).score).toBe(1);
    expect(await scoreWith(jsonSchema, { text: '{"email": "not an email"}', params: { schema } })).toMatchObject({ score: 0, rationale: '/email: must match format "email"' });
    expect((await scoreWith(jsonSchema, { text: '{"at": "2026-13-45"}', params: { schema } })).rationale).toBe('/at: must match format "date"');
  });

  it('keeps two schemas that share an $id apart', async () => {
    const a = { $id: 'https://example.com/answer', type: 'string' };
    const b = { $id: 'https://example.com/answer', type: 'number' };
    expect((await scoreWith(jsonSchema, { text: '"x"', params: { schema: a } })).score).toBe(1);
    expect((await scoreWith(jsonSchema, { text: '"x"', params: { schema: b } })).score).toBe(0);
  });
});

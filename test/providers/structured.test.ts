// Structured output end to end: every provider's real client asks its mock for a schema (plain
// and streaming), the mock answers a valid instance in its wire format (deterministic per
// request), and the result carries the parsed answer; an answer that does not parse or does not
// match the schema is recorded as such, never passed on as if it were fine.
import { Ajv } from 'ajv';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BackendConfig, ResponseFormat } from '../../src/config/schema.js';
import { mockBase, openAIChatCompletion, startMockInterception } from '../../src/mocks/index.js';
import { createProviderClient, LimiterRegistry } from '../../src/providers/index.js';
import { backend } from './backend.js';
import { captureBodies } from './capture.js';
import { EVERY_PROVIDER } from './pipeline.js';

const server = startMockInterception();
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const CITY = {
  type: 'object',
  properties: { city: { type: 'string', minLength: 1 }, population: { type: 'integer', minimum: 0 }, tags: { type: 'array', items: { type: 'string' }, maxItems: 3 } },
  required: ['city', 'population', 'tags'],
  additionalProperties: false,
};
const FORMAT: ResponseFormat = { json_schema: CITY, name: 'city' };
const MESSAGES = [{ role: 'user' as const, content: 'Describe Paris as JSON.' }];

// Moonshot takes a json_schema from kimi-k2.6 on (earlier models fall back to json_object).
const PROVIDERS = EVERY_PROVIDER.map((p) => (p.id === 'kimi' ? { ...p, model: 'kimi-k2.6' } : p));
const OPENAI = PROVIDERS[0]!;

const client = (c: (typeof PROVIDERS)[number], extra: Partial<BackendConfig> = {}) =>
  createProviderClient(backend({ provider: c.provider, model: c.model, api_base: c.api_base, max_retries: 0, ...extra }), {
    env: {},
    allowMissingKey: true,
    limiters: new LimiterRegistry(),
  });

const validCity = new Ajv().compile(CITY);

describe.each(PROVIDERS)('$id', (c) => {
  it.each([false, true])('answers a schema with a valid instance, the same for the same request (stream: %s)', async (stream) => {
    const first = await client(c, { stream, response_format: FORMAT }).chat({ messages: MESSAGES });
    expect(first.output_json_error).toBeUndefined();
    expect(validCity(first.output_json)).toBe(true);
    expect(JSON.parse(first.text)).toEqual(first.output_json);
    const again = await client(c, { stream, response_format: FORMAT }).chat({ messages: MESSAGES });
    expect(again.output_json).toEqual(first.output_json);
    const other = await client(c, { stream, response_format: FORMAT }).chat({ messages: [{ role: 'user', content: 'Describe Lyon as JSON.' }] });
    expect(validCity(other.output_json)).toBe(true);
  });

  it('answers `json` with a JSON object', async () => {
    const result = await client(c, { response_format: 'json' }).chat({ messages: MESSAGES });
    expect(result.output_json).toEqual(expect.any(Object));
    expect(Array.isArray(result.output_json)).toBe(false);
  });

  it('a prompt’s response format wins over the backend’s; without one nothing is parsed', async () => {
    const bodies = captureBodies(server);
    const result = await client(c, { response_format: 'json' }).chat({ messages: MESSAGES, responseFormat: FORMAT });
    expect(validCity(result.output_json)).toBe(true);
    expect(JSON.stringify(bodies[0])).toContain('population');
    const plain = await client(c).chat({ messages: MESSAGES });
    expect(plain).not.toHaveProperty('output_json');
    expect(plain).not.toHaveProperty('output_json_error');
  });
});

describe('what was sent for a schema, per provider', () => {
  it.each([
    ['openai', { response_format: { type: 'json_schema', json_schema: { name: 'city', schema: CITY, strict: true } } }],
    ['anthropic', { max_tokens: 4096, tools: [{ name: 'city', description: expect.any(String), input_schema: CITY }], tool_choice: { type: 'tool', name: 'city' } }],
    ['gemini', { generationConfig: { responseMimeType: 'application/json', responseJsonSchema: CITY } }],
    ['tgi', { parameters: { details: true, grammar: { type: 'json', value: CITY } } }],
    ['sglang', { sampling_params: { json_schema: JSON.stringify(CITY) } }],
  ])('%s', async (provider, parameters) => {
    const c = PROVIDERS.find((p) => p.id === provider)!;
    const result = await client(c, { response_format: FORMAT }).chat({ messages: MESSAGES });
    expect(result.parameters).toEqual(parameters);
  });
});

describe('an answer that does not parse or does not match is recorded as such', () => {
  const answering = (content: string) =>
    server.use(http.post(`${mockBase('openai')}/chat/completions`, () => HttpResponse.json(openAIChatCompletion({ model: 'gpt-4o-mini', content, promptTokens: 3 }))));

  it.each([
    ['Paris is lovely.', /^not JSON: /],
    ['```json\n{"city": "Paris"}\n```', 'does not match the schema: (the root) must have required property \'population\''],
    ['{"city": "Paris", "population": -3, "tags": []}', 'does not match the schema: /population must be >= 0'],
    ['', 'the answer is empty'],
  ])('%j', async (content, error) => {
    answering(content);
    const result = await client(OPENAI, { response_format: FORMAT }).chat({ messages: MESSAGES });
    expect(result.output_json_error).toMatch(error);
    expect(result).not.toHaveProperty('output_json');
    expect(result.text).toBe(content);
  });

  it('a fenced JSON answer that matches is parsed (the one parser strips the fence)', async () => {
    answering('```json\n{"city": "Paris", "population": 2100000, "tags": ["capital"]}\n```');
    const result = await client(OPENAI, { response_format: FORMAT }).chat({ messages: MESSAGES });
    expect(result.output_json).toEqual({ city: 'Paris', population: 2100000, tags: ['capital'] });
  });
});

describe('mock refusals for structured requests', () => {
  it('OpenAI JSON mode without the word "json" in the messages is a 400', async () => {
    const error = await client(OPENAI, { response_format: 'json' }).chat({ messages: [{ role: 'user', content: 'Describe Paris.' }] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, providerMessage: "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'." });
  });

  it('OpenAI strict mode with a schema it does not accept is a 400 naming the schema', async () => {
    const loose = { type: 'object', properties: { city: { type: 'string' } } };
    const error = await client(OPENAI, { response_format: { json_schema: loose, strict: true } }).chat({ messages: MESSAGES }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, providerMessage: expect.stringMatching(/^Invalid schema for response_format 'answer': In context=\(\), 'additionalProperties'/) });
    // Left to the mapping, the same schema goes without strict mode and is answered.
    const result = await client(OPENAI, { response_format: { json_schema: loose } }).chat({ messages: MESSAGES });
    expect(result.adjusted_parameters).toMatchObject([{ parameter: 'response_format.strict', action: 'replaced', sent: false }]);
    expect(result.output_json).toEqual(expect.any(Object));
  });
});

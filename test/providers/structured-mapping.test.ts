// How each provider family asks for structured output, as pure functions: what goes on the wire
// and what is recorded when the provider cannot take what was asked.
import { describe, expect, it } from 'vitest';
import { Adjustments } from '../../src/providers/parameters/adjustments.js';
import { anthropicTool } from '../../src/providers/structured/anthropic.js';
import { structuredFormat } from '../../src/providers/structured/format.js';
import { geminiStructured } from '../../src/providers/structured/gemini.js';
import { openAIResponseFormat } from '../../src/providers/structured/openai.js';
import { strictSchemaProblem } from '../../src/providers/structured/openai-strict.js';
import { sglangJsonSchema, tgiGrammar } from '../../src/providers/structured/self-hosted.js';

const STRICT = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
const LOOSE = { type: 'object', properties: { city: { type: 'string' }, country: { type: 'string' } }, required: ['city'] };
const schema = (json_schema: Record<string, unknown>, extra: { strict?: boolean; name?: string } = {}) => structuredFormat({ json_schema, ...extra });

describe('OpenAI-compatible response_format', () => {
  it('json → json_object; a schema → json_schema named "answer" (or its name), strict when the schema allows', () => {
    const adjust = new Adjustments();
    expect(openAIResponseFormat('openai', 'gpt-4o-mini', structuredFormat('json'), adjust)).toEqual({ type: 'json_object' });
    expect(openAIResponseFormat('openai', 'gpt-4o-mini', schema(STRICT), adjust)).toEqual({ type: 'json_schema', json_schema: { name: 'answer', schema: STRICT, strict: true } });
    expect(openAIResponseFormat('azure', 'gpt-4o', schema(STRICT, { name: 'city' }), adjust)).toMatchObject({ json_schema: { name: 'city', strict: true } });
    expect(adjust.list).toEqual([]);
  });

  it('sends a schema strict mode would refuse without strict, and records why', () => {
    const adjust = new Adjustments();
    expect(openAIResponseFormat('openai', 'gpt-4o-mini', schema(LOOSE), adjust)).toEqual({ type: 'json_schema', json_schema: { name: 'answer', schema: LOOSE, strict: false } });
    expect(adjust.list).toEqual([
      {
        parameter: 'response_format.strict',
        action: 'replaced',
        value: true,
        sent: false,
        reason: expect.stringContaining("'additionalProperties' is required to be supplied and to be false"),
      },
    ]);
  });

  it('keeps an explicit strict as written; xAI gets strict only when asked', () => {
    const adjust = new Adjustments();
    expect(openAIResponseFormat('openai', 'gpt-4o-mini', schema(LOOSE, { strict: true }), adjust)).toMatchObject({ json_schema: { strict: true } });
    expect(openAIResponseFormat('xai', 'grok-4', schema(LOOSE), adjust)).toEqual({ type: 'json_schema', json_schema: { name: 'answer', schema: LOOSE } });
    expect(adjust.list).toEqual([]);
  });

  it('Moonshot: json_schema from kimi-k2.6 on, json_object (recorded) before', () => {
    const adjust = new Adjustments();
    expect(openAIResponseFormat('moonshot', 'kimi-k2.6', schema(STRICT), adjust)).toMatchObject({ type: 'json_schema' });
    expect(adjust.list).toEqual([]);
    expect(openAIResponseFormat('moonshot', 'moonshot-v1-8k', schema(STRICT), adjust)).toEqual({ type: 'json_object' });
    expect(openAIResponseFormat('moonshot', 'kimi-k2.5', schema(STRICT), adjust)).toEqual({ type: 'json_object' });
    expect(adjust.list.map((a) => [a.parameter, a.action, a.sent])).toEqual([
      ['response_format', 'replaced', { type: 'json_object' }],
      ['response_format', 'replaced', { type: 'json_object' }],
    ]);
  });

  it('strictSchemaProblem walks properties, items, anyOf and $defs', () => {
    expect(strictSchemaProblem(STRICT)).toBeUndefined();
    expect(strictSchemaProblem({ ...STRICT, properties: { city: { type: 'string' }, tags: { type: 'array', items: LOOSE } }, required: ['city', 'tags'] })).toBe(
      "In context=('properties', 'tags', 'items'), 'additionalProperties' is required to be supplied and to be false.",
    );
    expect(strictSchemaProblem({ ...STRICT, required: [] })).toBe(
      "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'city'.",
    );
    expect(strictSchemaProblem({ $defs: { c: LOOSE }, anyOf: [{ $ref: '#/$defs/c' }] })).toContain("context=('$defs', 'c')");
  });
});

describe('Anthropic forced tool', () => {
  it('offers the schema as the input of one tool and forces it; records the replacement', () => {
    const adjust = new Adjustments();
    expect(anthropicTool(schema(STRICT, { name: 'city' }), adjust)).toEqual({
      wire: { tools: [{ name: 'city', description: expect.any(String), input_schema: STRICT }], tool_choice: { type: 'tool', name: 'city' } },
      answer: { name: 'city', wrapped: false },
    });
    expect(adjust.list).toMatchObject([{ parameter: 'response_format', action: 'replaced', sent: { tool_choice: { type: 'tool', name: 'city' } } }]);
  });

  it('wraps a schema that is not an object as {value: …}; json asks for any object', () => {
    const list = { type: 'array', items: { type: 'string' } };
    expect(anthropicTool(schema(list), new Adjustments())).toMatchObject({
      wire: { tools: [{ name: 'answer', input_schema: { type: 'object', properties: { value: list }, required: ['value'] } }] },
      answer: { wrapped: true },
    });
    expect(anthropicTool(structuredFormat('json'), new Adjustments())?.wire.tools[0]?.input_schema).toEqual({ type: 'object' });
    expect(anthropicTool(undefined, new Adjustments())).toBeUndefined();
  });
});

describe('Gemini, TGI, SGLang', () => {
  it('Gemini: responseMimeType application/json, the schema in responseJsonSchema as written', () => {
    expect(geminiStructured(structuredFormat('json'))).toEqual({ responseMimeType: 'application/json' });
    expect(geminiStructured(schema(LOOSE))).toEqual({ responseMimeType: 'application/json', responseJsonSchema: LOOSE });
    expect(geminiStructured(undefined)).toEqual({});
  });

  it('TGI: grammar {type: json, value}; SGLang: json_schema as a JSON string', () => {
    expect(tgiGrammar(schema(STRICT))).toEqual({ grammar: { type: 'json', value: STRICT } });
    expect(tgiGrammar(structuredFormat('json'))).toEqual({ grammar: { type: 'json', value: { type: 'object' } } });
    expect(sglangJsonSchema(schema(STRICT))).toEqual({ json_schema: JSON.stringify(STRICT) });
    expect(sglangJsonSchema(undefined)).toEqual({});
  });
});

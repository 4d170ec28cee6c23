// The parameter rules, one provider family at a time: what goes on the wire, and every drop,
// clamp, rename or default listed.
import { describe, expect, it } from 'vitest';
import { anthropicParameters } from '../../src/providers/parameters/anthropic.js';
import { geminiParameters } from '../../src/providers/parameters/gemini.js';
import { isReasoningModel } from '../../src/providers/parameters/model-families.js';
import { moonshotParameters } from '../../src/providers/parameters/moonshot.js';
import { openAIParameters } from '../../src/providers/parameters/openai.js';
import { sglangParameters } from '../../src/providers/parameters/sglang.js';
import { tgiParameters } from '../../src/providers/parameters/tgi.js';
import { xaiParameters } from '../../src/providers/parameters/xai.js';

const FIVE_STOPS = ['a', 'b', 'c', 'd', 'e'];
const SIX_STOPS = [...FIVE_STOPS, 'f'];

/** Undefined fields vanish when serialized: compare what would be sent. */
const sent = (wire: object) => JSON.parse(JSON.stringify(wire)) as Record<string, unknown>;

describe('OpenAI', () => {
  it('maps max_new_tokens to max_tokens and passes the rest as they are', () => {
    const { wire, adjustments } = openAIParameters('gpt-4o-mini', {
      max_new_tokens: 64,
      temperature: 0.2,
      top_p: 0.9,
      stop: 'END',
      seed: 7,
      presence_penalty: 0.1,
      frequency_penalty: 0.2,
    });
    expect(sent(wire)).toEqual({ max_tokens: 64, temperature: 0.2, top_p: 0.9, stop: ['END'], seed: 7, presence_penalty: 0.1, frequency_penalty: 0.2 });
    expect(adjustments).toEqual([]);
  });

  it('sends nothing for unset parameters and omits an empty stop list', () => {
    expect(sent(openAIParameters('gpt-4o', {}).wire)).toEqual({});
    expect(openAIParameters('gpt-4o', { stop: [] })).toEqual({ wire: expect.not.objectContaining({ stop: expect.anything() }), adjustments: [] });
  });

  it('keeps four stop sequences and records the cut', () => {
    const { wire, adjustments } = openAIParameters('gpt-4o', { stop: FIVE_STOPS });
    expect(wire.stop).toEqual(['a', 'b', 'c', 'd']);
    expect(adjustments).toEqual([{ parameter: 'stop', action: 'truncated', value: FIVE_STOPS, sent: ['a', 'b', 'c', 'd'], reason: expect.stringContaining('at most 4') }]);
  });

  it('clamps temperature to 2 and drops top_k, which chat completions lack', () => {
    const { wire, adjustments } = openAIParameters('gpt-4o', { temperature: 3, top_k: 5 });
    expect(sent(wire)).toEqual({ temperature: 2 });
    expect(adjustments.map((a) => [a.parameter, a.action, a.sent])).toEqual([
      ['top_k', 'dropped', undefined],
      ['temperature', 'clamped', 2],
    ]);
  });

  it.each(['o1', 'o1-mini', 'o3', 'o3-mini', 'o3-pro', 'o4-mini', 'o4-mini-2025-04-16', 'gpt-5', 'gpt-5-mini', 'gpt-5-nano'])(
    'reasoning model %s: max_completion_tokens, no temperature, top_p or stop',
    (model) => {
      const { wire, adjustments } = openAIParameters(model, { max_new_tokens: 64, temperature: 0.2, top_p: 0.9, stop: ['x'], seed: 1 });
      expect(sent(wire)).toEqual({ max_completion_tokens: 64, seed: 1 });
      expect(adjustments.map((a) => `${a.parameter} ${a.action}`)).toEqual(['max_new_tokens renamed', 'temperature dropped', 'top_p dropped', 'stop dropped']);
      expect(adjustments[0]).toMatchObject({ value: 64, sent: 'max_completion_tokens' });
    },
  );

  it.each(['gpt-4o', 'gpt-4.1-mini', 'o4', 'omni-moderation', 'gpt-4o-mini-o1'])('%s is not a reasoning model', (model) => {
    expect(isReasoningModel(model)).toBe(false);
  });
});

describe('xAI', () => {
  it.each(['grok-3-mini', 'grok-3-mini-fast', 'grok-4', 'grok-4-0709', 'grok-4-fast-reasoning'])('%s: stop is dropped', (model) => {
    const { wire, adjustments } = xaiParameters(model, { stop: ['END'], max_new_tokens: 8 });
    expect(sent(wire)).toEqual({ max_tokens: 8 });
    expect(adjustments).toEqual([{ parameter: 'stop', action: 'dropped', value: ['END'], reason: `${model} rejects it` }]);
  });

  it('grok-4: the penalties are dropped too', () => {
    const { wire, adjustments } = xaiParameters('grok-4', { presence_penalty: 0.5, frequency_penalty: 0.5, temperature: 0.3 });
    expect(sent(wire)).toEqual({ temperature: 0.3 });
    expect(adjustments.map((a) => a.parameter)).toEqual(['presence_penalty', 'frequency_penalty']);
  });

  it('grok-3 keeps stop and penalties; grok-3-mini keeps penalties', () => {
    expect(xaiParameters('grok-3', { stop: ['END'], presence_penalty: 0.5 })).toEqual({ wire: expect.objectContaining({ stop: ['END'], presence_penalty: 0.5 }), adjustments: [] });
    expect(xaiParameters('grok-3-mini', { presence_penalty: 0.5 }).adjustments).toEqual([]);
  });

  it('still caps stops at four as every OpenAI-compatible server', () => {
    expect(xaiParameters('grok-3', { stop: FIVE_STOPS }).wire.stop).toHaveLength(4);
  });
});

describe('Moonshot', () => {
  it('clamps temperature to [0, 1]', () => {
    const { wire, adjustments } = moonshotParameters('moonshot-v1-8k', { temperature: 1.5 });
    expect(wire.temperature).toBe(1);
    expect(adjustments).toEqual([{ parameter: 'temperature', action: 'clamped', value: 1.5, sent: 1, reason: 'Moonshot accepts 0 to 1' }]);
    expect(moonshotParameters('moonshot-v1-8k', { temperature: 0.3 }).adjustments).toEqual([]);
  });

  it('kimi-* models: the pinned sampling parameters are left to the server', () => {
    const { wire, adjustments } = moonshotParameters('kimi-k2.5', { temperature: 0.2, top_p: 0.9, presence_penalty: 0, max_new_tokens: 10 });
    expect(sent(wire)).toEqual({ max_tokens: 10 });
    expect(adjustments.map((a) => `${a.parameter} ${a.action}`)).toEqual(['temperature dropped', 'top_p dropped', 'presence_penalty dropped']);
  });
});

describe('Anthropic', () => {
  it('max_tokens is required: 4096 when unset, recorded as a default', () => {
    const { wire, adjustments } = anthropicParameters('claude-3-5-haiku-latest', {});
    expect(sent(wire)).toEqual({ max_tokens: 4096 });
    expect(adjustments).toEqual([{ parameter: 'max_new_tokens', action: 'defaulted', sent: 4096, reason: 'Anthropic requires max_tokens' }]);
  });

  it('maps max_new_tokens, top_k and stop, and drops empty or whitespace-only stops', () => {
    const { wire, adjustments } = anthropicParameters('c', { max_new_tokens: 32, top_k: 5, stop: ['END', ' ', '', '\n'] });
    expect(sent(wire)).toEqual({ max_tokens: 32, top_k: 5, stop_sequences: ['END'] });
    expect(adjustments).toEqual([{ parameter: 'stop', action: 'dropped', value: [' ', '', '\n'], reason: expect.stringContaining('whitespace') }]);
  });

  it('a list of only blank stops is omitted', () => {
    expect(sent(anthropicParameters('c', { max_new_tokens: 1, stop: ['  '] }).wire)).toEqual({ max_tokens: 1 });
  });

  it('clamps temperature to [0, 1] and drops what Anthropic lacks (seed, penalties)', () => {
    const { wire, adjustments } = anthropicParameters('c', { max_new_tokens: 1, temperature: 1.3, seed: 1, presence_penalty: 1, frequency_penalty: 1 });
    expect(sent(wire)).toEqual({ max_tokens: 1, temperature: 1 });
    expect(adjustments.map((a) => `${a.parameter} ${a.action}`)).toEqual(['seed dropped', 'presence_penalty dropped', 'frequency_penalty dropped', 'temperature clamped']);
  });
});

describe('Gemini', () => {
  it('uses generationConfig names', () => {
    const { wire, adjustments } = geminiParameters('gemini-2.0-flash', { max_new_tokens: 64, temperature: 0.2, top_p: 0.9, top_k: 5, stop: 'END', seed: 3 });
    expect(sent(wire)).toEqual({ maxOutputTokens: 64, temperature: 0.2, topP: 0.9, topK: 5, stopSequences: ['END'], seed: 3 });
    expect(adjustments).toEqual([]);
  });

  it('keeps five stop sequences and records the cut', () => {
    const { wire, adjustments } = geminiParameters('g', { stop: SIX_STOPS });
    expect(wire.stopSequences).toEqual(FIVE_STOPS);
    expect(adjustments).toMatchObject([{ parameter: 'stop', action: 'truncated', sent: FIVE_STOPS }]);
    expect(geminiParameters('g', { stop: FIVE_STOPS }).adjustments).toEqual([]);
  });

  it('omits an empty stop list', () => {
    expect(sent(geminiParameters('g', { stop: [] }).wire)).toEqual({});
  });
});

describe('TGI', () => {
  it('keeps the names, asks for details', () => {
    expect(sent(tgiParameters('m', { max_new_tokens: 16, temperature: 0.7, top_p: 0.9, top_k: 4, stop: 'END', seed: 2 }).wire)).toEqual({
      max_new_tokens: 16,
      temperature: 0.7,
      top_p: 0.9,
      top_k: 4,
      stop: ['END'],
      seed: 2,
      details: true,
    });
  });

  it('temperature 0 and top_p 1 mean greedy there: dropped, recorded', () => {
    const { wire, adjustments } = tgiParameters('m', { temperature: 0, top_p: 1 });
    expect(sent(wire)).toEqual({ details: true });
    expect(adjustments.map((a) => `${a.parameter} ${a.action}`)).toEqual(['temperature dropped', 'top_p dropped']);
  });

  it('caps stops at four and drops presence_penalty', () => {
    const { wire, adjustments } = tgiParameters('m', { stop: FIVE_STOPS, presence_penalty: 1 });
    expect(wire.stop).toHaveLength(4);
    expect(adjustments.map((a) => `${a.parameter} ${a.action}`)).toEqual(['presence_penalty dropped', 'stop truncated']);
  });
});

describe('SGLang', () => {
  it('keeps the names and drops seed', () => {
    const { wire, adjustments } = sglangParameters('m', { max_new_tokens: 16, temperature: 0, stop: ['a'], seed: 5 });
    expect(sent(wire)).toEqual({ max_new_tokens: 16, temperature: 0, stop: ['a'] });
    expect(adjustments).toEqual([{ parameter: 'seed', action: 'dropped', value: 5, reason: expect.any(String) }]);
  });
});

// The mocks refuse what the real services refuse, so a request that passes offline passes
// live: each raw request below is rejected as the service would, and the same settings through
// our client pass, with the adjustment recorded.
import { afterAll, describe, expect, it } from 'vitest';
import type { GenerationParameters } from '../../src/config/schema.js';
import { mockBase, selfHostedMockBase, startMockInterception } from '../../src/mocks/index.js';
import { createProviderClient, LimiterRegistry } from '../../src/providers/index.js';
import { backend } from '../providers/backend.js';
import { post } from './post.js';

const server = startMockInterception();
afterAll(() => server.close());

const user = [{ role: 'user' as const, content: 'Say A. END' }];
const openAIBody = (model: string, extra: object) => ({ model, messages: user, ...extra });
const SIX = ['1', '2', '3', '4', '5', '6'];

const CASES: Array<{
  what: string;
  provider: string;
  model: string;
  base: string;
  raw: [url: string, body: object, headers?: Record<string, string>];
  status: number;
  message: RegExp;
  parameters: GenerationParameters;
}> = [
  {
    what: 'OpenAI reasoning model given max_tokens',
    provider: 'openai',
    model: 'o3-mini',
    base: mockBase('openai'),
    raw: [`${mockBase('openai')}/chat/completions`, openAIBody('o3-mini', { max_tokens: 16 })],
    status: 400,
    message: /Use 'max_completion_tokens' instead/,
    parameters: { max_new_tokens: 16 },
  },
  {
    what: 'OpenAI reasoning model given a temperature',
    provider: 'openai',
    model: 'gpt-5-mini',
    base: mockBase('openai'),
    raw: [`${mockBase('openai')}/chat/completions`, openAIBody('gpt-5-mini', { temperature: 0.2 })],
    status: 400,
    message: /Only the default \(1\) value is supported/,
    parameters: { temperature: 0.2 },
  },
  {
    what: 'OpenAI given five stops',
    provider: 'openai',
    model: 'gpt-4o-mini',
    base: mockBase('openai'),
    raw: [`${mockBase('openai')}/chat/completions`, openAIBody('gpt-4o-mini', { stop: SIX.slice(0, 5) })],
    status: 400,
    message: /maximum length 4/,
    parameters: { stop: SIX.slice(0, 5) },
  },
  {
    what: 'grok-4 given stop and a penalty',
    provider: 'grok',
    model: 'grok-4',
    base: mockBase('grok'),
    raw: [`${mockBase('grok')}/chat/completions`, openAIBody('grok-4', { stop: ['END'] })],
    status: 400,
    message: /not supported on this model: stop/,
    parameters: { stop: ['END'], presence_penalty: 0.5 },
  },
  {
    what: 'kimi-k2.5 given a temperature',
    provider: 'kimi',
    model: 'kimi-k2.5',
    base: mockBase('kimi'),
    raw: [`${mockBase('kimi')}/chat/completions`, openAIBody('kimi-k2.5', { temperature: 0.6 })],
    status: 400,
    message: /only 1 is allowed for this model/,
    parameters: { temperature: 0.6 },
  },
  {
    what: 'Moonshot given temperature 1.5',
    provider: 'moonshot',
    model: 'moonshot-v1-8k',
    base: mockBase('kimi'),
    raw: [`${mockBase('kimi')}/chat/completions`, openAIBody('moonshot-v1-8k', { temperature: 1.5 })],
    status: 400,
    message: /should be in \[0, 1\]/,
    parameters: { temperature: 1.5 },
  },
  {
    what: 'Anthropic given a whitespace stop',
    provider: 'anthropic',
    model: 'claude-3-5-haiku-latest',
    base: mockBase('anthropic'),
    raw: [`${mockBase('anthropic')}/v1/messages`, { model: 'c', max_tokens: 8, messages: user, stop_sequences: ['END', ' '] }, { 'x-api-key': 'k' }],
    status: 400,
    message: /non-whitespace/,
    parameters: { stop: ['END', ' '] },
  },
  {
    what: 'Anthropic given temperature 1.5',
    provider: 'anthropic',
    model: 'claude-3-5-haiku-latest',
    base: mockBase('anthropic'),
    raw: [`${mockBase('anthropic')}/v1/messages`, { model: 'c', max_tokens: 8, messages: user, temperature: 1.5 }, { 'x-api-key': 'k' }],
    status: 400,
    message: /range: 0..1/,
    parameters: { temperature: 1.5 },
  },
  {
    what: 'Gemini given six stops',
    provider: 'gemini',
    model: 'gemini-2.0-flash',
    base: mockBase('gemini'),
    raw: [
      `${mockBase('gemini')}/v1beta/models/gemini-2.0-flash:generateContent`,
      { contents: [{ role: 'user', parts: [{ text: 'x' }] }], generationConfig: { stopSequences: SIX } },
      { 'x-goog-api-key': 'k' },
    ],
    status: 400,
    message: /maximum of 5 stop sequences/,
    parameters: { stop: SIX },
  },
  {
    what: 'TGI given temperature 0 and top_p 1',
    provider: 'tgi',
    model: 'm',
    base: selfHostedMockBase('tgi'),
    raw: [`${selfHostedMockBase('tgi')}/generate`, { inputs: 'x', parameters: { temperature: 0, top_p: 1 } }, {}],
    status: 422,
    message: /`temperature` must be strictly positive/,
    parameters: { temperature: 0, top_p: 1 },
  },
  {
    what: 'TGI given five stops',
    provider: 'tgi',
    model: 'm',
    base: selfHostedMockBase('tgi'),
    raw: [`${selfHostedMockBase('tgi')}/generate`, { inputs: 'x', parameters: { stop: SIX.slice(0, 5) } }, {}],
    status: 422,
    message: /up to 4 stop sequences/,
    parameters: { stop: SIX.slice(0, 5) },
  },
];

describe.each(CASES)('$what', ({ provider, model, base, raw, status, message, parameters }) => {
  it(`the mock refuses the raw request with ${status}`, async () => {
    const [url, body, headers] = raw;
    const answer = await post(url, body, headers ?? { authorization: 'Bearer k' });
    expect(answer.status).toBe(status);
    expect(JSON.stringify(answer.json)).toMatch(message);
  });

  it('our client adapts the request, it passes, and the change is recorded', async () => {
    const client = createProviderClient(backend({ provider, model, api_base: base, generation_parameters: parameters, max_retries: 0 }), {
      env: {},
      allowMissingKey: true,
      limiters: new LimiterRegistry(),
    });
    const result = await client.chat({ messages: user });
    expect(result.text).toContain('Say A.');
    expect(result.adjusted_parameters.length).toBeGreaterThan(0);
  });
});

describe('stop sequences end the reply as each service says it', () => {
  it.each([
    ['openai', mockBase('openai'), 'stop'],
    ['anthropic', mockBase('anthropic'), 'stop_sequence'],
    ['gemini', mockBase('gemini'), 'STOP'],
    ['tgi', selfHostedMockBase('tgi'), 'stop_sequence'],
    ['sglang', selfHostedMockBase('sglang'), 'stop'],
  ])('%s: cut before the stop, finish reason %s', async (provider, api_base, finish) => {
    const client = createProviderClient(backend({ provider, model: 'm', api_base, generation_parameters: { stop: ['END'] } }), { env: {}, allowMissingKey: true });
    const result = await client.chat({ messages: user });
    expect(result).toMatchObject({ text: 'Say A. ', finish_reason: finish });
  });
});

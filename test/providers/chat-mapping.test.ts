// Each provider gets a chat its own way, through its real SDK against its mock: a system prompt
// and few-shot turns become OpenAI-compatible roles as they are, Anthropic's top-level `system`
// with user/assistant turns, Gemini's systemInstruction and `model` turns, or TGI/SGLang's one
// prompt text. What was sent comes back in the result (messages, wire parameters).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mockBase, selfHostedMockBase, startMockInterception } from '../../src/mocks/index.js';
import { createProviderClient, LimiterRegistry, ProviderError } from '../../src/providers/index.js';
import { backend } from './backend.js';
import { captureBodies } from './capture.js';

const server = startMockInterception();
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const FEW_SHOT = [
  { role: 'system' as const, content: 'Answer with a number.' },
  { role: 'user' as const, content: '2 + 2?' },
  { role: 'assistant' as const, content: '4' },
  { role: 'user' as const, content: '3 + 5?' },
];
const TURNS = FEW_SHOT.slice(1);
const PROMPT_TEXT = 'Answer with a number.\n\n2 + 2?\n\n4\n\n3 + 5?';

const client = (provider: string, model: string, api_base: string, stream = false) =>
  createProviderClient(backend({ provider, model, api_base, stream, max_retries: 0, generation_parameters: { max_new_tokens: 32 } }), {
    env: {},
    allowMissingKey: true,
    limiters: new LimiterRegistry(),
  });

const CASES = [
  {
    provider: 'openai',
    client: () => client('openai', 'gpt-4o-mini', mockBase('openai')),
    wire: { messages: FEW_SHOT },
    parameters: { max_tokens: 32 },
    text: '3 + 5?',
  },
  { provider: 'xai', client: () => client('xai', 'grok-3', mockBase('grok')), wire: { messages: FEW_SHOT }, parameters: { max_tokens: 32 }, text: 'mock-grok(grok-3): 3 + 5?' },
  {
    provider: 'moonshot',
    client: () => client('moonshot', 'moonshot-v1-8k', mockBase('kimi')),
    wire: { messages: FEW_SHOT },
    parameters: { max_tokens: 32 },
    text: 'mock-kimi(moonshot-v1-8k): 3 + 5?',
  },
  {
    provider: 'anthropic',
    client: () => client('anthropic', 'claude-3-5-haiku-latest', mockBase('anthropic')),
    wire: { system: 'Answer with a number.', messages: TURNS },
    parameters: { max_tokens: 32 },
    text: '3 + 5?',
  },
  {
    provider: 'gemini',
    client: () => client('gemini', 'gemini-2.0-flash', mockBase('gemini')),
    wire: {
      systemInstruction: { parts: [{ text: 'Answer with a number.' }] },
      contents: [
        { role: 'user', parts: [{ text: '2 + 2?' }] },
        { role: 'model', parts: [{ text: '4' }] },
        { role: 'user', parts: [{ text: '3 + 5?' }] },
      ],
    },
    parameters: { generationConfig: { maxOutputTokens: 32 } },
    text: '3 + 5?',
  },
  {
    provider: 'tgi',
    client: () => client('tgi', 'tgi-model', selfHostedMockBase('tgi')),
    wire: { inputs: PROMPT_TEXT },
    parameters: { parameters: { max_new_tokens: 32, details: true } },
    text: PROMPT_TEXT.slice(0, 128),
  },
  {
    provider: 'sglang',
    client: () => client('sglang', 'sglang-model', selfHostedMockBase('sglang')),
    wire: { text: PROMPT_TEXT },
    parameters: { sampling_params: { max_new_tokens: 32 } },
    text: PROMPT_TEXT,
  },
];

describe.each(CASES)('$provider', (c) => {
  it('sends the system prompt and few-shot turns its own way, and records what it sent', async () => {
    const bodies = captureBodies(server);
    const result = await c.client().chat({ messages: FEW_SHOT });
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject(c.wire);
    for (const [key, value] of Object.entries(c.parameters)) expect(bodies[0]![key]).toEqual(value);
    expect(result.text).toBe(c.text);
    expect(result.messages).toEqual(FEW_SHOT);
    expect(result.parameters).toEqual(c.parameters);
  });
});

describe('what the mocks refuse, as the services do', () => {
  it('Anthropic: a conversation that opens with the assistant is a 400 with the API’s message', async () => {
    const error = await client('anthropic', 'claude-3-5-haiku-latest', mockBase('anthropic'))
      .chat({ messages: [{ role: 'assistant', content: 'Hi.' }, { role: 'user', content: 'Hello?' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 400, providerMessage: 'messages: first message must use the "user" role' });
  });

  it('Anthropic: a system role inside messages is a 400 with Anthropic’s error body', async () => {
    const response = await fetch(`${mockBase('anthropic')}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 8, messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: 'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.',
      },
    });
  });

  it('Anthropic: consecutive user turns pass (the API merges them)', async () => {
    const result = await client('anthropic', 'claude-3-5-haiku-latest', mockBase('anthropic')).chat({
      messages: [
        { role: 'user', content: 'Context.' },
        { role: 'user', content: 'Question?' },
      ],
    });
    expect(result.text).toBe('Question?');
  });

  it('Gemini: a role other than user or model is a 400 INVALID_ARGUMENT', async () => {
    const response = await fetch(`${mockBase('gemini')}/v1beta/models/gemini-2.0-flash:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'system', parts: [{ text: 'Be brief.' }] }, { role: 'user', parts: [{ text: 'Hi' }] }] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 400, message: 'Please use a valid role: user, model.', status: 'INVALID_ARGUMENT' } });
  });
});

describe('the record of what was sent', () => {
  it('cuts a message content past 20,000 characters in the record, never on the wire', async () => {
    const bodies = captureBodies(server);
    const long = 'x'.repeat(25_000);
    const result = await client('openai', 'gpt-4o-mini', mockBase('openai')).chat({ messages: [{ role: 'system', content: 'Short.' }, { role: 'user', content: long }] });
    expect((bodies[0]!.messages as Array<{ content: string }>)[1]!.content).toBe(long);
    expect(result.messages[0]).toEqual({ role: 'system', content: 'Short.' });
    expect(result.messages[1]!.content).toBe(`${'x'.repeat(20_000)}… [5,000 more characters not recorded]`);
  });
});

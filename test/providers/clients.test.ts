// Each client against its MSW mock, end to end through the real SDKs.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { MOCK_PORTS, mockBase, openAIChatCompletion, startMockInterception } from '../../src/mocks/index.js';
import { createProviderClient, MissingKeyError, PLACEHOLDER_API_KEY } from '../../src/providers/index.js';
import type { ChatMessage } from '../../src/providers/types.js';
import { backend, USER_ONLY } from './backend.js';

const server = startMockInterception();
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Seen {
  url: string;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Records every POST to `pattern` and lets it through to the mock behind. */
function record(pattern: string): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.post(pattern, async ({ request }) => {
      seen.push({ url: request.url, headers: request.headers, body: (await request.clone().json()) as Record<string, unknown> });
    }),
  );
  return seen;
}

const mock = { allowMissingKey: true, env: {} };

describe('each client against its mock', () => {
  it.each([
    ['openai', 'gpt-4o-mini', mockBase('openai'), 'Which is heavier, A or B?', 'stop'],
    ['openai', 'gpt-4o-mini', undefined, 'Which is heavier, A or B?', 'stop'],
    ['anthropic', 'claude-3-5-haiku-latest', mockBase('anthropic'), 'Which is heavier, A or B?', 'end_turn'],
    ['anthropic', 'claude-3-5-haiku-latest', undefined, 'Which is heavier, A or B?', 'end_turn'],
    ['google', 'gemini-2.0-flash', mockBase('gemini'), 'Which is heavier, A or B?', 'STOP'],
    ['gemini', 'gemini-2.0-flash', undefined, 'Which is heavier, A or B?', 'STOP'],
    ['grok', 'grok-3', mockBase('grok'), 'mock-grok(grok-3): Which is heavier, A or B?', 'stop'],
    ['xai', 'grok-3', undefined, 'mock-grok(grok-3): Which is heavier, A or B?', 'stop'],
    ['kimi', 'moonshot-v1-8k', mockBase('kimi'), 'mock-kimi(moonshot-v1-8k): Which is heavier, A or B?', 'stop'],
    ['moonshot', 'moonshot-v1-8k', undefined, 'mock-kimi(moonshot-v1-8k): Which is heavier, A or B?', 'stop'],
  ])('%s %s at %s', async (provider, model, api_base, text, finish_reason) => {
    const client = createProviderClient(backend({ provider, model, ...(api_base ? { api_base } : {}) }), mock);
    const result = await client.chat({ messages: USER_ONLY });
    expect(result).toMatchObject({ text, finish_reason, model, attempts: 1, provider: client.provider });
    // The mocks count about four characters a token.
    expect(result.usage).toEqual({ prompt_tokens: Math.ceil(USER_ONLY[0]!.content.length / 4), completion_tokens: Math.ceil(text.length / 4) });
    expect(result.latency_ms).toBeGreaterThanOrEqual(0);
  });

  it('reports the model the server names', async () => {
    server.use(
      http.post(`${mockBase('openai')}/chat/completions`, () =>
        HttpResponse.json(openAIChatCompletion({ model: 'gpt-4o-mini-2024-07-18', content: 'A', promptTokens: 3 })),
      ),
    );
    const client = createProviderClient(backend({ provider: 'openai', model: 'gpt-4o-mini', api_base: mockBase('openai') }), mock);
    expect((await client.chat({ messages: USER_ONLY })).model).toBe('gpt-4o-mini-2024-07-18');
  });
});

describe('keys', () => {
  it('sends the key from the environment', async () => {
    const seen = record(`${mockBase('openai')}/chat/completions`);
    const env = { OPENAI_API_KEY: 'sk-from-env' };
    await createProviderClient(backend({ provider: 'openai', model: 'm', api_base: mockBase('openai') }), { env }).chat({ messages: USER_ONLY });
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer sk-from-env');
  });

  it('sends a placeholder in mock mode when no key is set', async () => {
    const seen = record(`${mockBase('gemini')}/v1beta/models/:model\\:generateContent`);
    await createProviderClient(backend({ provider: 'gemini', model: 'm', api_base: mockBase('gemini') }), mock).chat({ messages: USER_ONLY });
    expect(seen[0]?.headers.get('x-goog-api-key')).toBe(PLACEHOLDER_API_KEY);
  });

  it('refuses to start without a key outside mock mode, naming the variables', () => {
    const create = () => createProviderClient(backend({ provider: 'google', model: 'm' }), { env: { OPENAI_API_KEY: 'o' } });
    expect(create).toThrow(MissingKeyError);
    expect(create).toThrow(/GOOGLE_API_KEY or GEMINI_API_KEY/);
  });
});

describe('request mapping', () => {
  const conversation: ChatMessage[] = [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hi' },
    { role: 'assistant', content: 'Hello' },
    { role: 'user', content: 'A or B?' },
  ];
  const parameters = { max_new_tokens: 32, temperature: 0.2, top_p: 0.9, top_k: 5, stop: 'END', seed: 7 };

  it('OpenAI-compatible: messages as they are, parameters renamed', async () => {
    const seen = record(`${mockBase('grok')}/chat/completions`);
    const client = createProviderClient(backend({ provider: 'grok', model: 'grok-3', api_base: mockBase('grok'), generation_parameters: parameters }), mock);
    expect((await client.chat({ messages: conversation })).text).toBe('mock-grok(grok-3): A or B?');
    expect(seen[0]?.body).toEqual({ model: 'grok-3', messages: conversation, max_tokens: 32, temperature: 0.2, top_p: 0.9, stop: ['END'], seed: 7 });
  });

  it('Anthropic: system apart, max_tokens required (4096 by default)', async () => {
    const seen = record(`${mockBase('anthropic')}/v1/messages`);
    const withParams = createProviderClient(backend({ provider: 'anthropic', model: 'c', api_base: mockBase('anthropic'), generation_parameters: parameters }), mock);
    await withParams.chat({ messages: conversation });
    expect(seen[0]?.body).toEqual({
      model: 'c',
      system: 'Be brief.',
      messages: conversation.slice(1),
      max_tokens: 32,
      temperature: 0.2,
      top_p: 0.9,
      top_k: 5,
      stop_sequences: ['END'],
    });
    await createProviderClient(backend({ provider: 'anthropic', model: 'c', api_base: mockBase('anthropic') }), mock).chat({ messages: USER_ONLY });
    expect(seen[1]?.body).toEqual({ model: 'c', messages: USER_ONLY, max_tokens: 4096 });
  });

  it('Gemini: contents with user/model roles, systemInstruction, generationConfig', async () => {
    const seen = record(`${mockBase('gemini')}/v1beta/models/:model\\:generateContent`);
    const client = createProviderClient(backend({ provider: 'gemini', model: 'gemini-2.0-flash', api_base: mockBase('gemini'), generation_parameters: parameters }), mock);
    expect((await client.chat({ messages: conversation })).text).toBe('A or B?');
    expect(seen[0]?.url).toBe(`http://127.0.0.1:${MOCK_PORTS.gemini}/v1beta/models/gemini-2.0-flash:generateContent`);
    expect(seen[0]?.body).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'Hi' }] },
        { role: 'model', parts: [{ text: 'Hello' }] },
        { role: 'user', parts: [{ text: 'A or B?' }] },
      ],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: { maxOutputTokens: 32, temperature: 0.2, topP: 0.9, topK: 5, stopSequences: ['END'], seed: 7 },
    });
  });

  it('Gemini: an api_base ending in /v1 keeps that version', async () => {
    const seen = record(`${mockBase('gemini')}/v1/models/:model\\:generateContent`);
    const client = createProviderClient(backend({ provider: 'google', model: 'gemini-2.0-flash', api_base: `${mockBase('gemini')}/v1/` }), mock);
    expect((await client.chat({ messages: USER_ONLY })).text).toBe(USER_ONLY[0]!.content);
    expect(seen[0]?.url).toBe(`http://127.0.0.1:${MOCK_PORTS.gemini}/v1/models/gemini-2.0-flash:generateContent`);
  });
});

describe('Azure OpenAI', () => {
  const endpoint = 'https://evalmatrix-test.openai.azure.com';
  const seen: Array<{ deployment: string; version: string | null; key: string | null }> = [];
  // Azure's route: the deployment in the path, the version in the query, the key in `api-key`.
  const azure = http.post(`${endpoint}/openai/deployments/:deployment/chat/completions`, async ({ request, params }) => {
    const url = new URL(request.url);
    seen.push({ deployment: String(params.deployment), version: url.searchParams.get('api-version'), key: request.headers.get('api-key') });
    const body = (await request.json()) as { messages: ChatMessage[] };
    return HttpResponse.json(openAIChatCompletion({ model: 'gpt-4o-2024-08-06', content: body.messages.at(-1)!.content, promptTokens: 9 }));
  });

  it('calls the deployment named by the model, with the API version and key', async () => {
    server.use(azure);
    const env = { AZURE_OPENAI_ENDPOINT: `${endpoint}/`, AZURE_OPENAI_API_KEY: 'azure-key' };
    const client = createProviderClient(backend({ provider: 'azure_openai', model: 'my-gpt4o' }), { env });
    const result = await client.chat({ messages: USER_ONLY });
    expect(result).toMatchObject({ provider: 'azure', text: USER_ONLY[0]!.content, model: 'gpt-4o-2024-08-06', finish_reason: 'stop' });
    expect(result.usage.prompt_tokens).toBe(9);
    expect(seen).toEqual([{ deployment: 'my-gpt4o', version: '2024-10-21', key: 'azure-key' }]);
  });
});

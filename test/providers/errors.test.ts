// Failures as ProviderErrors: HTTP errors in each provider's own shape, malformed 2xx bodies,
// timeouts, requests no mock answers, and a caller's abort.
import { getEventListeners } from 'node:events';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { delay, http, HttpResponse } from 'msw';
import { anthropicError, geminiError, mockBase, openAIError, startMockInterception } from '../../src/mocks/index.js';
import { createProviderClient, ProviderError } from '../../src/providers/index.js';
import { backend, USER_ONLY } from './backend.js';

const server = startMockInterception();
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const SECRET = 'sk-test-4f9a1c2b7d';
const ENDPOINTS = {
  openai: `${mockBase('openai')}/chat/completions`,
  anthropic: `${mockBase('anthropic')}/v1/messages`,
  gemini: `${mockBase('gemini')}/v1beta/models/:model\\:generateContent`,
};
const KEY_VARIABLE = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY', gemini: 'GOOGLE_API_KEY' };
type Provider = keyof typeof ENDPOINTS;

function client(provider: Provider, timeout = 60) {
  // One attempt: these tests are about how a failure reads; retries are tested in retry-loop.test.ts.
  return createProviderClient(backend({ provider, model: 'm', api_base: mockBase(provider), timeout, max_retries: 0 }), {
    env: { [KEY_VARIABLE[provider]]: SECRET },
  });
}

async function failure(provider: Provider, timeout?: number): Promise<ProviderError> {
  const error: unknown = await client(provider, timeout).chat({ messages: USER_ONLY }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('HTTP errors', () => {
  it('401 carries the provider message and the key variable, never the key', async () => {
    // Real servers echo (part of) a bad key back; the message must not carry it on.
    server.use(
      http.post(ENDPOINTS.openai, () =>
        HttpResponse.json(openAIError(`Incorrect API key provided: ${SECRET}.`, { code: 'invalid_api_key' }), { status: 401 }),
      ),
    );
    const error = await failure('openai');
    expect(error).toMatchObject({ type: 'http', status: 401, provider: 'openai', attempts: 1 });
    expect(error.providerMessage).toBe('Incorrect API key provided: [redacted].');
    expect(error.message).toBe('openai 401: Incorrect API key provided: [redacted]. (key from OPENAI_API_KEY)');
    expect(JSON.stringify({ message: error.message, providerMessage: error.providerMessage })).not.toContain(SECRET);
  });

  it.each([
    ['openai', 'The server had an error.', () => HttpResponse.json(openAIError('The server had an error.', { type: 'server_error' }), { status: 500 })],
    ['anthropic', 'Internal server error', () => HttpResponse.json(anthropicError('api_error', 'Internal server error'), { status: 500 })],
    ['anthropic', 'Overloaded', () => HttpResponse.json(anthropicError('overloaded_error', 'Overloaded'), { status: 529 })],
    ['gemini', 'An internal error has occurred. (INTERNAL)', () => HttpResponse.json(geminiError('INTERNAL', 'An internal error has occurred.'), { status: 500 })],
    ['gemini', 'Quota exceeded. (RESOURCE_EXHAUSTED)', () => HttpResponse.json(geminiError('RESOURCE_EXHAUSTED', 'Quota exceeded.'), { status: 429 })],
  ] as const)('%s: its error body becomes status + message (%s)', async (provider, providerMessage, answer) => {
    server.use(http.post(ENDPOINTS[provider], answer));
    const error = await failure(provider);
    expect(error.type).toBe('http');
    expect(error.providerMessage).toBe(providerMessage);
    expect(error.message).toBe(`${provider} ${error.status}: ${providerMessage}`);
  });

  it('Gemini: a non-JSON error page is quoted as text', async () => {
    server.use(http.post(ENDPOINTS.gemini, () => new HttpResponse('<html>Bad Gateway</html>', { status: 502 })));
    expect(await failure('gemini')).toMatchObject({ status: 502, providerMessage: '<html>Bad Gateway</html>' });
  });
});

describe('malformed 2xx bodies name what is missing', () => {
  it.each([
    ['openai', 'missing choices', () => HttpResponse.json({ id: 'x', object: 'chat.completion' })],
    ['openai', 'missing choices[0].message', () => HttpResponse.json({ choices: [{ index: 0 }] })],
    ['openai', 'not valid JSON', () => new HttpResponse('{"choices": [', { headers: { 'content-type': 'application/json' } })],
    ['openai', 'not a JSON object', () => new HttpResponse('all good', { headers: { 'content-type': 'text/plain' } })],
    ['anthropic', 'missing content', () => HttpResponse.json({ id: 'msg_1', type: 'message' })],
    ['gemini', 'missing candidates', () => HttpResponse.json({ usageMetadata: {} })],
    ['gemini', 'missing candidates (prompt blocked: SAFETY)', () => HttpResponse.json({ promptFeedback: { blockReason: 'SAFETY' } })],
    ['gemini', 'not valid JSON', () => new HttpResponse('{"candidates": [', { headers: { 'content-type': 'application/json' } })],
  ] as const)('%s: %s', async (provider, problem, answer) => {
    server.use(http.post(ENDPOINTS[provider], answer));
    const error = await failure(provider);
    expect(error.type).toBe('malformed');
    expect(error.status).toBeUndefined();
    expect(error.message).toContain(`${provider} malformed response: `);
    expect(error.providerMessage).toContain(problem);
  });
});

describe('timeouts', () => {
  it.each(['openai', 'anthropic', 'gemini'] as const)('%s: no answer within the timeout is type timeout', async (provider) => {
    server.use(
      http.post(ENDPOINTS[provider], async () => {
        await delay(2_000);
        return HttpResponse.json({});
      }),
    );
    const started = performance.now();
    const error = await failure(provider, 0.05);
    expect(error).toMatchObject({ type: 'timeout', providerMessage: 'no response within 50 ms' });
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});

describe('requests no mock answers', () => {
  it.each([
    ['openai', 'http://127.0.0.1:18099/v1', 'POST http://127.0.0.1:18099/v1/chat/completions'],
    ['anthropic', 'http://127.0.0.1:18099', 'POST http://127.0.0.1:18099/v1/messages'],
    ['gemini', 'http://127.0.0.1:18099', 'POST http://127.0.0.1:18099/v1beta/models/m:generateContent'],
  ])('%s: fail as a network error naming method and URL', async (provider, api_base, request) => {
    const unmocked = createProviderClient(backend({ provider, model: 'm', api_base }), { env: {}, allowMissingKey: true });
    const error: unknown = await unmocked.chat({ messages: USER_ONLY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ type: 'network' });
    expect((error as ProviderError).message).toContain(`evalmatrix mock mode: no mock answers ${request}`);
  });
});

describe('a caller’s abort', () => {
  it.each(['openai', 'gemini'] as const)('%s: rejects with the abort reason, not a ProviderError', async (provider) => {
    server.use(
      http.post(ENDPOINTS[provider], async () => {
        await delay(2_000);
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const reason = new Error('case cancelled');
    setTimeout(() => controller.abort(reason), 20);
    await expect(client(provider).chat({ messages: USER_ONLY, signal: controller.signal })).rejects.toBe(reason);
  });

  it.each(['openai', 'anthropic', 'gemini'] as const)('%s: a case-long signal keeps no listener per request', async (provider) => {
    const caseSignal = new AbortController().signal;
    const sampler = client(provider);
    await sampler.chat({ messages: USER_ONLY, signal: caseSignal });
    // At most the one watcher every request shares (providers/on-abort.ts), however many requests.
    const afterOne = getEventListeners(caseSignal, 'abort').length;
    expect(afterOne).toBeLessThanOrEqual(1);
    for (let i = 0; i < 12; i++) await sampler.chat({ messages: USER_ONLY, signal: caseSignal });
    expect(getEventListeners(caseSignal, 'abort')).toHaveLength(afterOne);
  });
});

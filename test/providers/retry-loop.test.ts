// One retry policy around every provider: what is retried, how long it waits (the sleep is
// injected, so nothing here waits), what the result and the final error say, and the shared
// limiter's cap seen from the server.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { delay, http, HttpResponse } from 'msw';
import type { BackendConfig } from '../../src/config/schema.js';
import { anthropicError, geminiError, mockBase, openAIError, startMockInterception } from '../../src/mocks/index.js';
import { createProviderClient, LimiterRegistry, ProviderError } from '../../src/providers/index.js';
import { backend, USER_ONLY } from './backend.js';

const server = startMockInterception();
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ENDPOINTS = {
  openai: `${mockBase('openai')}/chat/completions`,
  anthropic: `${mockBase('anthropic')}/v1/messages`,
  gemini: `${mockBase('gemini')}/v1beta/models/:model\\:generateContent`,
} as const;
type Provider = keyof typeof ENDPOINTS;

/** The first `failures` requests get `answer`; the rest reach the mock. */
function failFirst(provider: Provider, failures: number, answer: () => Response | Promise<Response>) {
  let calls = 0;
  server.use(
    http.post(ENDPOINTS[provider], () => {
      calls += 1;
      // undefined falls through to the mock behind.
      return calls <= failures ? answer() : undefined;
    }),
  );
  return { calls: () => calls };
}

/** The limiter's pauses (a 429's hint holds back every request) pass at once here too. */
const instantLimiters = () => new LimiterRegistry({ now: () => performance.now(), sleep: async () => undefined });

function setup(provider: Provider, config: Partial<BackendConfig> = {}) {
  const sleeps: number[] = [];
  const client = createProviderClient(backend({ provider, model: 'm', api_base: mockBase(provider), ...config }), {
    env: {},
    allowMissingKey: true,
    limiters: instantLimiters(),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0,
  });
  return { client, sleeps };
}

const rateLimited = () => HttpResponse.json(openAIError('Rate limit reached', { code: 'rate_limit_exceeded' }), { status: 429, headers: { 'retry-after': '0' } });
const serverError = () => HttpResponse.json(openAIError('The server had an error', { type: 'server_error' }), { status: 500 });

describe('retried until it succeeds', () => {
  it('429 with retry-after: 0 → retried at once; attempts in the result', async () => {
    const { calls } = failFirst('openai', 2, rateLimited);
    const { client, sleeps } = setup('openai');
    const result = await client.chat({ messages: USER_ONLY });
    expect(result).toMatchObject({ text: USER_ONLY[0]!.content, attempts: 3, retry_wait_ms: 0 });
    expect(sleeps).toEqual([0, 0]);
    expect(calls()).toBe(3);
  });

  it('500 without hints → exponential backoff from retry_sleep; the waits add up in retry_wait_ms', async () => {
    failFirst('openai', 3, serverError);
    const { client, sleeps } = setup('openai', { retry_sleep: 0.5, retry_multiplier: 3 });
    const result = await client.chat({ messages: USER_ONLY });
    expect(sleeps).toEqual([500, 1500, 4500]);
    expect(result).toMatchObject({ attempts: 4, retry_wait_ms: 6500 });
  });

  it('the server’s hint wins over backoff, capped by retry_max_sleep', async () => {
    failFirst('openai', 2, () =>
      HttpResponse.json(openAIError('slow down'), { status: 429, headers: { 'retry-after': '3', 'x-ratelimit-reset-requests': '1m' } }),
    );
    const { client, sleeps } = setup('openai', { retry_max_sleep: 2 });
    await client.chat({ messages: USER_ONLY });
    expect(sleeps).toEqual([2000, 2000]);
  });

  it('Anthropic 529 overloaded and its RFC 3339 reset header', async () => {
    const reset = new Date(Date.now() + 60_000).toISOString();
    failFirst('anthropic', 1, () =>
      HttpResponse.json(anthropicError('overloaded_error', 'Overloaded'), { status: 529, headers: { 'anthropic-ratelimit-requests-reset': reset } }),
    );
    const { client, sleeps } = setup('anthropic');
    expect((await client.chat({ messages: USER_ONLY })).attempts).toBe(2);
    expect(sleeps[0]).toBeGreaterThan(55_000);
    expect(sleeps[0]).toBeLessThanOrEqual(60_000);
  });

  it('Gemini 429 with RetryInfo in the body', async () => {
    failFirst('gemini', 1, () =>
      HttpResponse.json(geminiError('RESOURCE_EXHAUSTED', 'Quota exceeded.', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }]), {
        status: 429,
      }),
    );
    const { client, sleeps } = setup('gemini');
    expect((await client.chat({ messages: USER_ONLY })).attempts).toBe(2);
    expect(sleeps).toEqual([7000]);
  });

  it('a dropped connection is retried', async () => {
    failFirst('openai', 1, () => HttpResponse.error());
    const { client } = setup('openai');
    expect((await client.chat({ messages: USER_ONLY })).attempts).toBe(2);
  });

  it('a timeout is retried', async () => {
    failFirst('gemini', 1, async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    const { client } = setup('gemini', { timeout: 0.05 });
    expect((await client.chat({ messages: USER_ONLY })).attempts).toBe(2);
  });
});

describe('given up: a typed error, never an empty answer', () => {
  it('retries exhausted: provider, status, message and attempts', async () => {
    const { calls } = failFirst('openai', Number.POSITIVE_INFINITY, rateLimited);
    const { client, sleeps } = setup('openai', { max_retries: 6 });
    const error = (await client.chat({ messages: USER_ONLY }).catch((e: unknown) => e)) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'openai', type: 'http', status: 429, attempts: 7, providerMessage: 'Rate limit reached' });
    expect(error.message).toBe('openai 429: Rate limit reached (gave up after 7 attempts)');
    expect(sleeps).toHaveLength(6);
    expect(calls()).toBe(7);
  });

  it('timeouts exhausted: the timeout value in the message', async () => {
    failFirst('openai', Number.POSITIVE_INFINITY, async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    const { client } = setup('openai', { timeout: 0.03, max_retries: 2 });
    const error = (await client.chat({ messages: USER_ONLY }).catch((e: unknown) => e)) as ProviderError;
    expect(error).toMatchObject({ type: 'timeout', attempts: 3 });
    expect(error.message).toBe('openai timed out: no response within 30 ms (gave up after 3 attempts)');
  });

  it.each([400, 401, 403, 404])('%i: no retry; the provider’s message and the key’s variable', async (status) => {
    const { calls } = failFirst('openai', 1, () => HttpResponse.json(openAIError('Nope.'), { status }));
    const client = createProviderClient(backend({ provider: 'openai', model: 'm', api_base: mockBase('openai') }), {
      env: { OPENAI_API_KEY: 'sk-evalmatrix-FAKE-0000' },
      sleep: async () => expect.unreachable('no retry for a 4xx'),
      limiters: new LimiterRegistry(),
    });
    const error = (await client.chat({ messages: USER_ONLY }).catch((e: unknown) => e)) as ProviderError;
    expect(error.message).toBe(`openai ${status}: Nope. (key from OPENAI_API_KEY)`);
    expect(error.attempts).toBe(1);
    expect(calls()).toBe(1);
  });

  it('a malformed body is not retried', async () => {
    const { calls } = failFirst('anthropic', 1, () => HttpResponse.json({ id: 'msg_1', type: 'message' }));
    const { client, sleeps } = setup('anthropic');
    const error = (await client.chat({ messages: USER_ONLY }).catch((e: unknown) => e)) as ProviderError;
    expect(error).toMatchObject({ type: 'malformed', providerMessage: 'missing content', attempts: 1 });
    expect(sleeps).toEqual([]);
    expect(calls()).toBe(1);
  });

  it('a cancelled case stops waiting and rejects with its reason', async () => {
    failFirst('openai', Number.POSITIVE_INFINITY, serverError);
    const controller = new AbortController();
    const client = createProviderClient(backend({ provider: 'openai', model: 'm', api_base: mockBase('openai') }), {
      env: {},
      allowMissingKey: true,
      limiters: new LimiterRegistry(),
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason));
          controller.abort(new Error('case cancelled'));
        }),
    });
    await expect(client.chat({ messages: USER_ONLY, signal: controller.signal })).rejects.toThrow('case cancelled');
  });
});

describe('the shared limiter, seen from the server', () => {
  it('max_concurrency caps requests in flight across clients with the same key', async () => {
    let inFlight = 0;
    let most = 0;
    server.use(
      http.post(ENDPOINTS.openai, async () => {
        most = Math.max(most, ++inFlight);
        await delay(5);
        inFlight -= 1;
        return undefined;
      }),
    );
    const limiters = new LimiterRegistry();
    const make = () =>
      createProviderClient(backend({ provider: 'openai', model: 'm', api_base: mockBase('openai'), max_concurrency: 2 }), { env: {}, allowMissingKey: true, limiters });
    const [a, b] = [make(), make()];
    await Promise.all([a, b, a, b, a, b].map((c) => c.chat({ messages: USER_ONLY })));
    expect(most).toBe(2);
  });
});

describe('adjusted parameters', () => {
  it('are in every result', async () => {
    const { client } = setup('openai', { model: 'o3-mini', generation_parameters: { max_new_tokens: 16, temperature: 0.2 } });
    const result = await client.chat({ messages: USER_ONLY });
    expect(result.adjusted_parameters.map((a) => `${a.parameter} ${a.action}`)).toEqual(['max_new_tokens renamed', 'temperature dropped']);
  });
});

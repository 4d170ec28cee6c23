// Fault injection: the spec, the seeded plan (same seed, same fates, whatever the order), the
// environment, and each mock answering each fault in its provider's own words.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { createMockHandlers, FaultPlan, mockOptionsFromEnv, parseFaultSpec, type FaultKind } from '../../src/mocks/index.js';
import { unitHash } from '../../src/mocks/faults/draw.js';

describe('EVALMATRIX_MOCK_FAULTS', () => {
  it('parses kinds and shares', () => {
    expect(parseFaultSpec('rate_limit:0.2, server_error:0.1,timeout:.05,malformed:0.05,reset:0')).toEqual({
      rate_limit: 0.2,
      server_error: 0.1,
      timeout: 0.05,
      malformed: 0.05,
      reset: 0,
    });
    expect(parseFaultSpec('')).toEqual({});
  });

  it.each([
    ['rate_limt:0.2', /"rate_limt:0.2" is not <kind>:<share>; kinds are rate_limit, server_error, timeout, malformed, reset/],
    ['rate_limit', /"rate_limit" is not <kind>:<share>/],
    ['rate_limit:2', /share above 1/],
    ['rate_limit:0.6,server_error:0.6', /add up to 1.2, more than 1/],
  ])('rejects %j', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });

  it('is read from the environment with the seed, latency and MOCK_TARGET in one place', () => {
    expect(
      mockOptionsFromEnv({
        EVALMATRIX_MOCK_FAULTS: 'rate_limit:0.15,server_error:0.05',
        EVALMATRIX_MOCK_SEED: '7',
        EVALMATRIX_MOCK_LATENCY_MS: '5',
        MOCK_TARGET: 'http://127.0.0.1:8000/v1',
        MOCK_TARGET_MODEL: 'qwen',
      }),
    ).toEqual({ faults: { rate_limit: 0.15, server_error: 0.05 }, seed: 7, latencyMs: 5, target: { base: 'http://127.0.0.1:8000/v1', model: 'qwen' } });
    expect(mockOptionsFromEnv({})).toEqual({});
    expect(() => mockOptionsFromEnv({ EVALMATRIX_MOCK_SEED: 'seven' })).toThrow('EVALMATRIX_MOCK_SEED="seven" is not an integer.');
  });
});

describe('the seeded plan', () => {
  const requests = Array.from({ length: 400 }, (_, i) => `POST http://mock/v1/chat/completions {"n":${i}}`);
  /** Every request tried until it passes; the fates of each, in the order given. */
  const fates = (plan: FaultPlan, order: string[]) =>
    new Map(
      order.map((key) => {
        const seen: Array<string | undefined> = [];
        for (let fault = plan.next(key); ; fault = plan.next(key)) {
          seen.push(fault?.kind);
          if (fault === undefined) return [key, seen];
        }
      }),
    );

  it('gives each try of each request the same fate whatever the order', () => {
    const rates = { rate_limit: 0.3, server_error: 0.1 };
    const forward = fates(new FaultPlan(rates, 7), requests);
    const backward = fates(new FaultPlan(rates, 7), [...requests].reverse());
    expect(backward).toEqual(forward);
    expect(fates(new FaultPlan(rates, 8), requests)).not.toEqual(forward);
  });

  it('hits about the configured share of first tries', () => {
    const plan = new FaultPlan({ rate_limit: 0.15, server_error: 0.05 }, 7);
    const kinds = requests.map((key) => plan.next(key)?.kind);
    const share = (kind: FaultKind) => kinds.filter((k) => k === kind).length / requests.length;
    expect(share('rate_limit')).toBeGreaterThan(0.08);
    expect(share('rate_limit')).toBeLessThan(0.22);
    expect(share('server_error')).toBeGreaterThan(0.01);
    expect(share('server_error')).toBeLessThan(0.1);
  });

  it('a share of 1 always faults; 0 never does', () => {
    const always = new FaultPlan({ malformed: 1 }, 1);
    expect(requests.slice(0, 20).map((key) => always.next(key)?.kind)).toEqual(Array(20).fill('malformed'));
    const never = new FaultPlan({ malformed: 0 }, 1);
    expect(requests.slice(0, 20).every((key) => never.next(key) === undefined)).toBe(true);
  });

  it('draws are stable numbers in [0, 1)', () => {
    expect(unitHash(7, 'a', 0)).toBe(unitHash(7, 'a', 0));
    expect(unitHash(7, 'a', 0)).not.toBe(unitHash(7, 'a', 1));
    for (let i = 0; i < 100; i++) {
      const u = unitHash(i, 'x');
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });
});

describe('each mock answers each fault in its own words', () => {
  const server = setupServer();
  server.listen({ onUnhandledRequest: 'error' });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  const faulty = (kind: FaultKind) => server.use(...createMockHandlers({ faults: { [kind]: 1 } }));

  const CALLS = {
    openai: ['http://127.0.0.1:18080/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'x' }] }, { authorization: 'Bearer k' }],
    anthropic: ['http://127.0.0.1:18081/v1/messages', { model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }, { 'x-api-key': 'k' }],
    gemini: ['http://127.0.0.1:18082/v1beta/models/m:generateContent', { contents: [{ parts: [{ text: 'x' }] }] }, { 'x-goog-api-key': 'k' }],
    grok: ['http://127.0.0.1:18083/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'x' }] }, { authorization: 'Bearer k' }],
    kimi: ['http://127.0.0.1:18084/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'x' }] }, { authorization: 'Bearer k' }],
    tgi: ['http://127.0.0.1:18085/generate', { inputs: 'x' }, {}],
    sglang: ['http://127.0.0.1:18086/generate', { text: 'x' }, {}],
  } as const;
  const call = (name: keyof typeof CALLS, body?: object) => {
    const [url, json, headers] = CALLS[name];
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body ?? json) });
  };

  it.each([
    ['openai', { error: { type: 'requests', code: 'rate_limit_exceeded' } }],
    ['grok', { error: { code: 'rate_limit_exceeded' } }],
    ['kimi', { error: { code: 'rate_limit_exceeded' } }],
    ['anthropic', { type: 'error', error: { type: 'rate_limit_error' } }],
    ['gemini', { error: { code: 429, status: 'RESOURCE_EXHAUSTED' } }],
    ['tgi', { error: 'Model is overloaded', error_type: 'overloaded' }],
    ['sglang', { error: { message: expect.any(String) } }],
  ] as const)('%s: rate_limit → 429, its error body, retry-after: 0', async (name, shape) => {
    faulty('rate_limit');
    const response = await call(name);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('0');
    expect(await response.json()).toMatchObject(shape);
  });

  it('rate-limit headers: OpenAI durations, Anthropic RFC 3339 instants', async () => {
    faulty('rate_limit');
    const openai = await call('openai');
    expect(openai.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(openai.headers.get('x-ratelimit-reset-requests')).toBe('1s');
    const anthropic = await call('anthropic');
    expect(anthropic.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    expect(Date.parse(anthropic.headers.get('anthropic-ratelimit-requests-reset')!)).toBeGreaterThan(Date.now() - 1000);
  });

  it('server_error → 500 or 503, and 529 overloaded_error for Anthropic', async () => {
    faulty('server_error');
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) statuses.add((await call('anthropic', { model: `m${i}`, max_tokens: 5, messages: [{ role: 'user', content: 'x' }] })).status);
    expect([...statuses].sort()).toEqual([500, 529]);
    for (const name of ['openai', 'gemini', 'tgi', 'sglang'] as const) expect([500, 503]).toContain((await call(name)).status);
  });

  it('malformed → 200 with invalid JSON or without the main field', async () => {
    faulty('malformed');
    const bodies = await Promise.all(Array.from({ length: 12 }, (_, i) => call('openai', { model: `m${i}`, messages: [{ role: 'user', content: 'x' }] }).then((r) => r.text())));
    expect(bodies.some((b) => b === '{"id": "chatcmpl-')).toBe(true);
    expect(bodies.some((b) => b.startsWith('{"id":"chatcmpl-') && !b.includes('choices'))).toBe(true);
  });

  it('reset → the connection drops', async () => {
    faulty('reset');
    await expect(call('tgi')).rejects.toThrow(TypeError);
  });

  it('timeout → no answer until the client gives up', async () => {
    faulty('timeout');
    const controller = new AbortController();
    const pending = fetch(CALLS.sglang[0], { method: 'POST', body: '{"text":"x"}', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('client timeout')), 20);
    await expect(pending).rejects.toThrow('client timeout');
  });
});

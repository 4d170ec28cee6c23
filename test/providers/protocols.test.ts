// Each provider client against its mock, plain and streaming: the answer, and every fault the
// mocks can inject as the typed error it becomes (one attempt: retries are retry-loop's).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BackendConfig } from '../../src/config/schema.js';
import { createMockHandlers, mockBase, selfHostedMockBase, startMockInterception, type FaultKind } from '../../src/mocks/index.js';
import { createProviderClient, LimiterRegistry, ProviderError } from '../../src/providers/index.js';
import { backend } from './backend.js';

const server = startMockInterception();
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const PROMPT = [
  { role: 'system' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'Which is heavier, a kilo of feathers or a kilo of steel?' },
];
const USER = PROMPT[1]!.content;

const PROVIDERS = [
  { provider: 'openai', model: 'gpt-4o-mini', api_base: mockBase('openai'), text: USER, finish: 'stop' },
  { provider: 'anthropic', model: 'claude-3-5-haiku-latest', api_base: mockBase('anthropic'), text: USER, finish: 'end_turn' },
  { provider: 'gemini', model: 'gemini-2.0-flash', api_base: mockBase('gemini'), text: USER, finish: 'STOP' },
  { provider: 'xai', model: 'grok-3', api_base: mockBase('grok'), text: `mock-grok(grok-3): ${USER}`, finish: 'stop' },
  { provider: 'moonshot', model: 'moonshot-v1-8k', api_base: mockBase('kimi'), text: `mock-kimi(moonshot-v1-8k): ${USER}`, finish: 'stop' },
  // The native routes take one prompt: system and user contents a blank line apart, echoed.
  { provider: 'tgi', model: 'tgi-model', api_base: selfHostedMockBase('tgi'), text: `Be brief.\n\n${USER}`, finish: 'eos_token' },
  { provider: 'sglang', model: 'sglang-model', api_base: selfHostedMockBase('sglang'), text: `Be brief.\n\n${USER}`, finish: 'stop' },
] as const;

type Case = (typeof PROVIDERS)[number];
const MODES = [
  ['plain', false],
  ['streaming', true],
] as const;

function client(c: Case, stream: boolean, extra: Partial<BackendConfig> = {}) {
  return createProviderClient(backend({ provider: c.provider, model: c.model, api_base: c.api_base, stream, max_retries: 0, ...extra }), {
    env: {},
    allowMissingKey: true,
    limiters: new LimiterRegistry(),
  });
}

async function failure(c: Case, stream: boolean, extra: Partial<BackendConfig> = {}): Promise<ProviderError> {
  const error: unknown = await client(c, stream, extra).chat({ messages: PROMPT }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const withFault = (kind: FaultKind) => server.use(...createMockHandlers({ faults: { [kind]: 1 } }));

describe.each(PROVIDERS)('$provider', (c) => {
  describe.each(MODES)('%s', (_mode, stream) => {
    it('answers in its wire format: text, finish reason, usage, model', async () => {
      const result = await client(c, stream).chat({ messages: PROMPT });
      expect(result).toMatchObject({ provider: c.provider, model: c.model, text: c.text, finish_reason: c.finish, attempts: 1, retry_wait_ms: 0 });
      expect(result.usage.completion_tokens).toBe(Math.ceil(c.text.length / 4));
      expect(result.usage.prompt_tokens).toBeGreaterThan(0);
      if (stream) {
        expect(result.ttft_ms).toBeGreaterThanOrEqual(0);
        expect(result.ttft_ms).toBeLessThanOrEqual(result.latency_ms);
        expect(result.tokens_per_second).toBeGreaterThan(0);
      } else {
        expect(result).not.toHaveProperty('ttft_ms');
        expect(result).not.toHaveProperty('tokens_per_second');
      }
    });

    it('stops at max_new_tokens with the provider’s length reason', async () => {
      const result = await client(c, stream, { generation_parameters: { max_new_tokens: 3 } }).chat({ messages: PROMPT });
      expect(result.text).toBe(c.text.slice(0, 12));
      expect(result.usage.completion_tokens).toBe(3);
      expect(['length', 'max_tokens', 'MAX_TOKENS']).toContain(result.finish_reason);
    });

    it('rate_limit → http 429, retry at once', async () => {
      withFault('rate_limit');
      const error = await failure(c, stream);
      expect(error).toMatchObject({ type: 'http', status: 429, attempts: 1, retryAfterMs: 0 });
      expect(error.providerMessage).not.toBe('');
    });

    it('server_error → http 5xx', async () => {
      withFault('server_error');
      const error = await failure(c, stream);
      expect(error.type).toBe('http');
      expect(c.provider === 'anthropic' ? [500, 529] : [500, 503]).toContain(error.status);
    });

    it('timeout → timeout, naming the limit', async () => {
      withFault('timeout');
      const error = await failure(c, stream, { timeout: 0.05 });
      expect(error).toMatchObject({ type: 'timeout', providerMessage: 'no response within 50 ms' });
    });

    it('malformed → malformed, naming what is missing or broken', async () => {
      withFault('malformed');
      const error = await failure(c, stream);
      expect(error.type).toBe('malformed');
      expect(error.providerMessage).toMatch(/missing|not valid JSON/);
    });

    it('reset → network', async () => {
      withFault('reset');
      expect((await failure(c, stream)).type).toBe('network');
    });
  });
});

// A client we did not write — the Vercel AI SDK's provider packages — against the mocks:
// plain and streamed answers parse, and injected faults surface as the SDK's own API errors
// with the provider's status and words. If our mocks drifted from the wire formats, this
// would catch what our own clients (written with the same assumptions) could not.
import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { APICallError, generateText, streamText, type LanguageModel } from 'ai';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createMockHandlers, mockBase, startMockInterception, type FaultKind } from '../../src/mocks/index.js';

const server = startMockInterception();
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const KEY = 'sk-evalmatrix-FAKE-independent';
const PROMPT = 'Which is heavier, a kilo of feathers or a kilo of steel?';

const MODELS: Array<{ name: string; model: () => LanguageModel; text: string; rateLimitWords: RegExp }> = [
  { name: 'openai', model: () => createOpenAI({ baseURL: mockBase('openai'), apiKey: KEY }).chat('gpt-4o-mini'), text: PROMPT, rateLimitWords: /Rate limit reached/ },
  {
    name: 'anthropic',
    model: () => createAnthropic({ baseURL: `${mockBase('anthropic')}/v1`, apiKey: KEY })('claude-3-5-haiku-latest'),
    text: PROMPT,
    rateLimitWords: /exceed the rate limit/,
  },
  {
    name: 'gemini',
    model: () => createGoogleGenerativeAI({ baseURL: `${mockBase('gemini')}/v1beta`, apiKey: KEY })('gemini-2.0-flash'),
    text: PROMPT,
    rateLimitWords: /Resource has been exhausted/,
  },
  { name: 'grok', model: () => createOpenAI({ baseURL: mockBase('grok'), apiKey: KEY }).chat('grok-3'), text: `mock-grok(grok-3): ${PROMPT}`, rateLimitWords: /Rate limit reached/ },
  {
    name: 'kimi',
    model: () => createOpenAI({ baseURL: mockBase('kimi'), apiKey: KEY }).chat('moonshot-v1-8k'),
    text: `mock-kimi(moonshot-v1-8k): ${PROMPT}`,
    rateLimitWords: /Rate limit reached/,
  },
];

const withFault = (kind: FaultKind) => server.use(...createMockHandlers({ faults: { [kind]: 1 } }));

async function streamed(model: LanguageModel) {
  let streamError: unknown;
  const result = streamText({ model, prompt: PROMPT, maxRetries: 0, onError: ({ error }) => void (streamError = error) });
  // A failed stream rejects these; the error itself arrives through onError.
  const settled = <T>(value: PromiseLike<T>) => Promise.resolve(value).catch(() => undefined);
  return { text: await settled(result.text), finishReason: await settled(result.finishReason), error: streamError };
}

describe.each(MODELS)('AI SDK → $name mock', ({ model, text, rateLimitWords }) => {
  it('generateText parses the answer, finish reason and usage', async () => {
    const result = await generateText({ model: model(), prompt: PROMPT, maxRetries: 0 });
    expect(result.text).toBe(text);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.inputTokens).toBe(Math.ceil(PROMPT.length / 4));
    expect(result.usage.outputTokens).toBe(Math.ceil(text.length / 4));
  });

  it('streamText parses the stream', async () => {
    const result = await streamed(model());
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(text);
    expect(result.finishReason).toBe('stop');
  });

  it('a 429 is an APICallError with the status and the provider’s words, marked retryable', async () => {
    withFault('rate_limit');
    const error = await generateText({ model: model(), prompt: PROMPT, maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 429, isRetryable: true });
    expect((error as APICallError).message).toMatch(rateLimitWords);
  });

  it('a server error is an APICallError with a 5xx status, marked retryable', async () => {
    withFault('server_error');
    const error = await generateText({ model: model(), prompt: PROMPT, maxRetries: 0 }).catch((e: unknown) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBeGreaterThanOrEqual(500);
    expect((error as APICallError).isRetryable).toBe(true);
  });

  it('a malformed body never reads as the answer', async () => {
    withFault('malformed');
    for (let i = 0; i < 4; i++) {
      // Both variants (broken JSON, missing field) turn up over a few different prompts. The
      // AI SDK reads a Gemini body without candidates as an empty answer (as a blocked prompt
      // is); our client calls it malformed. Either way it is not an answer.
      const outcome = await generateText({ model: model(), prompt: `${PROMPT} ${i}`, maxRetries: 0 }).catch((e: unknown) => e);
      if (outcome instanceof Error) continue;
      expect((outcome as { text: string }).text).toBe('');
    }
  });

  it('a streamed error arrives through the stream', async () => {
    withFault('rate_limit');
    const result = await streamed(model());
    expect(APICallError.isInstance(result.error)).toBe(true);
    expect((result.error as APICallError).statusCode).toBe(429);
  });
});

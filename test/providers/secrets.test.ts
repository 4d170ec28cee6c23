// A recognisable fake key, and servers that echo it back in every way they can (error
// messages, an "Authorization: Bearer …" quote, even the answer): none of it reaches an event,
// a summary or an error message.
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { anthropicError, mockBase, openAIChatCompletion, selfHostedMockBase, startMockInterception } from '../../src/mocks/index.js';
import { createProviderClient, LimiterRegistry, MissingKeyError, ProviderError } from '../../src/providers/index.js';
import { encodeEventLine, type EmittedEvent } from '../../src/runner/events.js';
import { runCase } from '../../src/runner/run-case.js';
import { backend, USER_ONLY } from './backend.js';
import { everyProviderCases } from './pipeline.js';

const FAKE_KEY = 'sk-evalmatrix-FAKE-KEY-7d3f9a1c';
const ENV = Object.fromEntries(
  ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GOOGLE_API_KEY', 'XAI_API_KEY', 'MOONSHOT_API_KEY', 'TGI_API_KEY', 'SGLANG_API_KEY'].map((name) => [name, FAKE_KEY]),
);

const ENDPOINTS = [
  `${mockBase('openai')}/chat/completions`,
  `${mockBase('anthropic')}/v1/messages`,
  `${mockBase('gemini')}/v1beta/models/:model\\:generateContent`,
  `${mockBase('grok')}/chat/completions`,
  `${mockBase('kimi')}/chat/completions`,
  `${selfHostedMockBase('tgi')}/generate`,
  `${selfHostedMockBase('sglang')}/generate`,
];

/** The credential as the client sent it, whichever header carries it. */
const credential = (request: Request) => request.headers.get('authorization') ?? request.headers.get('x-api-key') ?? request.headers.get('x-goog-api-key') ?? '';

/** Every third call refuses the key quoting it, every third refuses the request quoting the header; the rest reach the mocks. */
function leakyServers() {
  let calls = 0;
  return ENDPOINTS.map((endpoint) =>
    http.post(endpoint, ({ request }) => {
      calls += 1;
      const sent = credential(request);
      const key = sent.replace(/^Bearer /, '');
      if (calls % 3 === 0) {
        const message = `Incorrect API key provided: ${key}. You can find your API key at your account page.`;
        return endpoint.includes('messages') ? HttpResponse.json(anthropicError('authentication_error', message), { status: 401 }) : HttpResponse.json({ error: { message } }, { status: 401 });
      }
      if (calls % 3 === 1) {
        return HttpResponse.json({ error: { message: `bad request with Authorization: ${sent}` } }, { status: 400 });
      }
      return undefined;
    }),
  );
}

const server = startMockInterception();
afterAll(() => server.close());

describe('the key never leaves the request', () => {
  it('is in no event and no summary, whatever the servers echo', async () => {
    server.use(...leakyServers());
    const limiters = new LimiterRegistry();
    const written: string[] = [];
    for (const spec of everyProviderCases({ samples: 6, maxErrors: 6 })) {
      const events: EmittedEvent[] = [];
      const client = createProviderClient(spec.backend, { env: ENV, limiters });
      const summary = await runCase(spec, { mode: 'live', client, emit: (e) => void events.push(e) });
      written.push(...events.map((e, i) => encodeEventLine('run', i + 1, e)), JSON.stringify(summary));
    }
    const everything = written.join('\n');
    // The servers did echo it: the refusals and failures are there, without it.
    expect(everything).toContain('Incorrect API key provided: [redacted]');
    expect(everything).toContain('Authorization: Bearer [redacted]');
    expect(everything).not.toContain(FAKE_KEY);
    expect(everything).not.toMatch(/Bearer (?!\[redacted\])/);
    server.resetHandlers();
  });

  it('is in no answer text either', async () => {
    server.use(
      http.post(ENDPOINTS[0]!, ({ request }) =>
        HttpResponse.json(openAIChatCompletion({ model: 'm', content: `your key is ${credential(request).replace(/^Bearer /, '')}`, promptTokens: 1 })),
      ),
    );
    const client = createProviderClient(backend({ provider: 'openai', model: 'm', api_base: mockBase('openai') }), { env: ENV, limiters: new LimiterRegistry() });
    expect((await client.chat({ messages: USER_ONLY })).text).toBe('your key is [redacted]');
    server.resetHandlers();
  });

  it('is not in a printed error, its cause chain included', async () => {
    server.use(http.post(ENDPOINTS[1]!, () => HttpResponse.json(anthropicError('authentication_error', `invalid x-api-key ${FAKE_KEY}`), { status: 401 })));
    const client = createProviderClient(backend({ provider: 'anthropic', model: 'c', api_base: mockBase('anthropic') }), { env: ENV, limiters: new LimiterRegistry() });
    const error = (await client.chat({ messages: USER_ONLY }).catch((e: unknown) => e)) as ProviderError;
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toBe('anthropic 401: invalid x-api-key [redacted] (key from ANTHROPIC_API_KEY)');
    expect(inspect(error, { depth: 10 })).not.toContain(FAKE_KEY);
    expect(JSON.stringify(error)).not.toContain(FAKE_KEY);
    server.resetHandlers();
  });

  it('a missing key is named by its variables, never by a value', () => {
    const create = () => createProviderClient(backend({ provider: 'xai', model: 'grok-3' }), { env: { OPENAI_API_KEY: FAKE_KEY } });
    expect(create).toThrow(MissingKeyError);
    expect(create).toThrow('xai: no API key; set XAI_API_KEY or GROK_API_KEY');
  });
});

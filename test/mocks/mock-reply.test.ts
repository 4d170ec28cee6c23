// mock_reply: a backend's Jinja template over the intercepted request answers instead of the
// echo, through every provider's real client and wire format, plain and streaming; keyed by
// endpoint and model; a failing template is a request error naming it.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BackendConfig, BackendSpec } from '../../src/config/schema.js';
import { mockBase, registerMockReplies, startMockInterception } from '../../src/mocks/index.js';
import { createProviderClient, LimiterRegistry, ProviderError } from '../../src/providers/index.js';
import { EVERY_PROVIDER } from '../providers/pipeline.js';

const server = startMockInterception();
const removals: Array<() => void> = [];
afterEach(() => {
  for (const remove of removals.splice(0)) remove();
});
afterAll(() => server.close());

const JUDGE = "{% if 'Paris' in last_message %}Y{% else %}N{% endif %}";

function judge(config: Partial<BackendConfig> & Pick<BackendConfig, 'provider' | 'model'>, id = 'judge'): BackendSpec {
  return { backend_id: id, type: 'litellm', config: { timeout: 60, generation_parameters: {}, max_retries: 0, ...config } };
}

function registered(...backends: BackendSpec[]): void {
  removals.push(registerMockReplies(backends, {}));
}

const clientFor = (spec: BackendSpec) => createProviderClient(spec, { env: {}, allowMissingKey: true, limiters: new LimiterRegistry() });
const ask = (spec: BackendSpec, content: string) => clientFor(spec).chat({ messages: [{ role: 'system', content: 'You grade answers.' }, { role: 'user', content }] });

describe.each(EVERY_PROVIDER)('$id', (c) => {
  it.each([false, true])('answers with the template over the request (stream: %s)', async (stream) => {
    const spec = judge({ provider: c.provider, model: c.model, api_base: c.api_base, stream, mock_reply: JUDGE });
    registered(spec);
    expect((await ask(spec, 'The answer: Paris.')).text).toBe('Y');
    expect((await ask(spec, 'The answer: Lyon.')).text).toBe('N');
  });

  it('echoes again once the template is removed', async () => {
    const spec = judge({ provider: c.provider, model: c.model, api_base: c.api_base, mock_reply: 'fixed' });
    const remove = registerMockReplies([spec], {});
    expect((await ask(spec, 'Paris')).text).toBe('fixed');
    remove();
    expect((await ask(spec, 'Paris')).text).toContain('Paris');
  });
});

describe('mock_reply', () => {
  it('sees the model and the conversation as chat messages (a top-level system prompt first)', async () => {
    const template = '{{ model }}|{% for m in messages %}{{ m.role }}:{{ m.content }};{% endfor %}|{{ last_message }}';
    for (const c of EVERY_PROVIDER.filter((p) => p.id === 'anthropic' || p.id === 'gemini' || p.id === 'openai')) {
      const spec = judge({ provider: c.provider, model: c.model, api_base: c.api_base, mock_reply: template });
      registered(spec);
      expect((await ask(spec, 'Is it Paris?')).text).toBe(`${c.model}|system:You grade answers.;user:Is it Paris?;|Is it Paris?`);
    }
  });

  it('keys templates by endpoint and model: two backends on one mock get their own replies', async () => {
    const a = judge({ provider: 'openai', model: 'gpt-4o-mini', api_base: mockBase('openai'), mock_reply: 'from mini' }, 'a');
    const b = judge({ provider: 'openai', model: 'gpt-4o', api_base: mockBase('openai'), mock_reply: 'from 4o' }, 'b');
    const other = judge({ provider: 'openai', model: 'gpt-4.1', api_base: mockBase('openai') }, 'c');
    registered(a, b, other);
    expect((await ask(a, 'hi')).text).toBe('from mini');
    expect((await ask(b, 'hi')).text).toBe('from 4o');
    expect((await ask(other, 'hi')).text).toBe('hi');
    // localhost and 127.0.0.1 are the same mock.
    const local = judge({ provider: 'openai', model: 'gpt-4o', api_base: 'http://localhost:18080/v1' });
    expect((await ask(local, 'hi')).text).toBe('from 4o');
  });

  it('answers a structured request with the template’s text (a judge that replies JSON)', async () => {
    const spec = judge({ provider: 'anthropic', model: 'claude-3-5-haiku-latest', api_base: mockBase('anthropic'), response_format: 'json', mock_reply: '{"verdict": "{{ "Y" if "Paris" in last_message else "N" }}"}' });
    registered(spec);
    const result = await ask(spec, 'Paris');
    expect(result.output_json).toEqual({ verdict: 'Y' });
    expect(result.finish_reason).toBe('tool_use');
  });

  it('a template that fails is a 400 naming mock_reply and the missing variable; not retried', async () => {
    const spec = judge({ provider: 'openai', model: 'gpt-4o-mini', api_base: mockBase('openai'), mock_reply: '{{ last_mesage }}', max_retries: 3 });
    registered(spec);
    const error = await ask(spec, 'hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 400, attempts: 1, providerMessage: 'evalmatrix mock: the mock_reply template failed: last_mesage is undefined (printed)' });
  });

  it('a template that does not parse is refused when registered', () => {
    expect(() => registerMockReplies([judge({ provider: 'openai', model: 'm', mock_reply: '{% if %}' })], {})).toThrow('Unexpected token');
  });
});

describe('registerMockReplies', () => {
  it('skips a backend whose endpoint cannot be resolved, leaving its error to its client', () => {
    const azure = judge({ provider: 'azure', model: 'gpt-4o', mock_reply: 'x' });
    expect(() => registered(azure, judge({ provider: 'openai', model: 'm', api_base: mockBase('openai'), mock_reply: 'y' }))).not.toThrow();
  });
});

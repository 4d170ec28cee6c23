// A request that is retrying says so before each wait (ChatRequest.onRetry), so the runner can
// tell the console while the request is still trying; the runner's notifier turns that into
// notices — the cause in a few words, the attempt, the wait — at most a couple a second per case.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { mockBase, openAIError, startMockInterception } from '../../src/mocks/index.js';
import { createProviderClient, LimiterRegistry, type RetryInfo } from '../../src/providers/index.js';
import { NOTICE_INTERVAL_MS, retryNotifier, withRetryListener, type ProgressNotice } from '../../src/runner/retry-notices.js';
import { backend, USER_ONLY } from './backend.js';

const server = startMockInterception();
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function client(config: { max_retries?: number } = {}) {
  return createProviderClient(backend({ provider: 'openai', model: 'm', api_base: mockBase('openai'), retry_sleep: 2, ...config }), {
    env: {},
    allowMissingKey: true,
    limiters: new LimiterRegistry({ now: () => performance.now(), sleep: async () => undefined }),
    sleep: async () => undefined,
    random: () => 0,
  });
}

function failTwice(status = 503) {
  let calls = 0;
  server.use(http.post(`${mockBase('openai')}/chat/completions`, () => (++calls <= 2 ? HttpResponse.json(openAIError('Service unavailable', { type: 'server_error' }), { status }) : undefined)));
}

describe('retry notices', () => {
  it('the client tells each retry before its wait: the attempt, of how many, the wait and the error', async () => {
    failTwice();
    const told: RetryInfo[] = [];
    const result = await client().chat({ messages: USER_ONLY, onRetry: (r) => void told.push(r) });
    expect(result.attempts).toBe(3);
    expect(told.map((r) => [r.attempt, r.maxAttempts, r.waitMs, r.error.status])).toEqual([
      [1, 7, 2000, 503],
      [2, 7, 4000, 503],
    ]);
  });

  it('a listener that throws changes nothing', async () => {
    failTwice();
    const result = await client().chat({ messages: USER_ONLY, onRetry: () => { throw new Error('display broke'); } });
    expect(result.attempts).toBe(3);
  });

  it("the runner's notifier names the backend and the cause, and sends at most one notice per interval", async () => {
    failTwice(429);
    const notices: ProgressNotice[] = [];
    let now = 0;
    const listen = retryNotifier((n) => notices.push(n), () => now);
    const noticed = withRetryListener(client(), listen('model', 'litellm_openai'));
    await noticed.chat({ messages: USER_ONLY });
    // Both retries happened within one interval: one notice, counting both.
    expect(notices).toEqual([
      { notice: 'retry', role: 'model', backend_id: 'litellm_openai', cause: 'HTTP 429 (rate limited)', message: 'Service unavailable', attempt: 1, max_attempts: 7, wait_ms: 2000, retries: 1 },
    ]);
    failTwice(429);
    now += NOTICE_INTERVAL_MS;
    await noticed.chat({ messages: USER_ONLY });
    expect(notices.map((n) => [n.attempt, n.retries])).toEqual([
      [1, 1],
      [1, 3],
    ]);
  });
});

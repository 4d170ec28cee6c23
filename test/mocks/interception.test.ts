// Mock mode's guarantees: every provider answers, latency is applied, and a request no mock
// answers fails naming itself without ever reaching the network.
// The module objects, not named imports: interception patches their request() after import.
import nodeHttp, { createServer, type Server } from 'node:http';
import nodeHttps from 'node:https';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AddressInfo } from 'node:net';
import { bypass, http, HttpResponse, passthrough, RequestHandler } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createMockHandlers,
  MOCK_PORTS,
  mockBase,
  selfHostedMockBase,
  startMockInterception,
  UnmockedRequestError,
  type MockInterception,
} from '../../src/mocks/index.js';
import { post } from './post.js';

// Taken before any interception starts.
const NATIVE = { Headers: globalThis.Headers, fetch: globalThis.fetch, request: nodeHttp.request, get: nodeHttp.get, ClientRequest: nodeHttp.ClientRequest };

/** A real server on 127.0.0.1 that counts what reaches it: if interception let a request through, it would show. */
async function startNetworkServer(): Promise<{ port: number; hits: number; close(): Promise<void> }> {
  const counted = { hits: 0 };
  const server: Server = createServer((_req, res) => {
    counted.hits += 1;
    res.setHeader('content-type', 'application/json');
    res.end('{"from":"network"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(counted, {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

describe('an unmatched request in mock mode', () => {
  let network: Awaited<ReturnType<typeof startNetworkServer>>;
  let realPort: number;
  let mocks: MockInterception;

  beforeAll(async () => {
    network = await startNetworkServer();
    realPort = network.port;
    mocks = startMockInterception();
  });
  afterAll(async () => {
    mocks.close();
    await network.close();
  });

  it('rejects with method and URL, and nothing reaches the network', async () => {
    const url = `http://127.0.0.1:${realPort}/v1/chat/completions`;
    const error: unknown = await post(url, { model: 'm', messages: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnmockedRequestError);
    expect((error as Error).message).toBe(
      `evalmatrix mock mode: no mock answers POST ${url} — nothing left the machine. Point api_base at a mocked provider or set EVALMATRIX_MODE=live.`,
    );
    expect(network.hits).toBe(0);
  });

  it('leaves the query string (where a key may be) out of the message', async () => {
    const error: unknown = await fetch(`http://127.0.0.1:${realPort}/v1beta/models/m:generateContent?key=secret-key`, { method: 'POST' }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toContain(`POST http://127.0.0.1:${realPort}/v1beta/models/m:generateContent —`);
    expect((error as Error).message).not.toContain('secret-key');
  });
});

describe('what interception lets through, and what answers first', () => {
  let network: Awaited<ReturnType<typeof startNetworkServer>>;
  let realUrl: string;
  let mocks: MockInterception;

  beforeAll(async () => {
    network = await startNetworkServer();
    realUrl = `http://127.0.0.1:${network.port}/data`;
    mocks = startMockInterception();
  });
  afterEach(() => {
    mocks.resetHandlers();
    network.hits = 0;
  });
  afterAll(async () => {
    mocks.close();
    await network.close();
  });

  it("lets a request made with msw's bypass() reach the network", async () => {
    const response = await fetch(bypass(realUrl));
    expect(await response.json()).toEqual({ from: 'network' });
    expect(network.hits).toBe(1);
  });

  it("lets a request out when a handler answers with msw's passthrough()", async () => {
    mocks.use(http.get(realUrl, () => passthrough()));
    const response = await fetch(realUrl);
    expect(await response.json()).toEqual({ from: 'network' });
    expect(network.hits).toBe(1);
  });

  it('tries handlers from use() before the mocks, the latest first, until resetHandlers()', async () => {
    const openai = `${mockBase('openai')}/chat/completions`;
    const body = { model: 'm', messages: [{ role: 'user', content: 'x' }] };
    mocks.use(http.post(openai, () => HttpResponse.json({ by: 'first' })));
    mocks.use(http.post(openai, () => HttpResponse.json({ by: 'second' })));
    expect((await post(openai, body)).json).toEqual({ by: 'second' });
    mocks.resetHandlers();
    expect((await post(openai, body)).json.object).toBe('chat.completion');
    expect(network.hits).toBe(0);
  });

  it("drops msw's clone of each request once answered, whether a handler answered, threw or none did", async () => {
    const openai = `${mockBase('openai')}/chat/completions`;
    const seen: Request[] = [];
    const cached = (request: Request): boolean => (RequestHandler.cache as WeakMap<object, unknown>).has(request);
    mocks.use(
      http.post(openai, ({ request }) => {
        seen.push(request);
        return request.headers.get('x-case') === 'throw' ? Promise.reject(new Error('handler failed')) : HttpResponse.json({ ok: true });
      }),
      http.get(realUrl, ({ request }) => {
        seen.push(request);
        return undefined;
      }),
    );
    const body = JSON.stringify({ model: 'm', messages: [] });
    expect((await fetch(openai, { method: 'POST', body })).status).toBe(200);
    expect((await fetch(openai, { method: 'POST', body, headers: { 'x-case': 'throw' } })).status).toBe(500);
    await expect(fetch(realUrl)).rejects.toBeInstanceOf(UnmockedRequestError);
    expect(seen).toHaveLength(3);
    expect(seen.map(cached)).toEqual([false, false, false]);
    expect(network.hits).toBe(0);
  });

  it('keeps a request the timeout fault leaves unanswered until its client aborts, through garbage collections', async () => {
    // Nothing but the mock holds such a request (an intercepted Request's signal follows the
    // client's through a weak reference), so a collection while it waits must not lose it.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    mocks.use(...createMockHandlers({ faults: { timeout: 1 } }));
    const controller = new AbortController();
    const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    const pending = fetch(`${mockBase('openai')}/chat/completions`, { method: 'POST', body, signal: controller.signal }).catch((error: unknown) => error);
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      gc();
    }
    controller.abort(new Error('client timeout'));
    const outcome = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('still waiting after 2 s'), 2000))]);
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toBe('client timeout');
  });

  it('also stops a request made with node:http that no mock answers', async () => {
    const error = await new Promise<unknown>((resolve) => {
      const request = nodeHttp.request(realUrl, { method: 'GET' }, (response) => resolve(`answered ${response.statusCode}`));
      request.on('error', resolve);
      request.end();
    });
    expect(error).toBeInstanceOf(UnmockedRequestError);
    expect(network.hits).toBe(0);
  });

  it('lets everything through again after close()', async () => {
    mocks.close();
    try {
      const response = await fetch(realUrl);
      expect(await response.json()).toEqual({ from: 'network' });
      expect(network.hits).toBe(1);
    } finally {
      mocks = startMockInterception();
    }
  });
});

describe('node:http interception, applied on the first node:http request', () => {
  let mocks: MockInterception | undefined;
  afterEach(() => mocks?.close());

  const failure = (start: (done: (outcome: unknown) => void) => void): Promise<unknown> => new Promise(start);
  const unmocked = 'http://127.0.0.1:9/nowhere';

  it('leaves the global Headers alone while only fetch is used, so fetch pays nothing for it', async () => {
    mocks = startMockInterception();
    expect((await post(`${mockBase('openai')}/chat/completions`, { model: 'm', messages: [{ role: 'user', content: 'x' }] })).status).toBe(200);
    expect(globalThis.Headers).toBe(NATIVE.Headers);
  });

  it.each([
    ['http.request', (done: (o: unknown) => void) => nodeHttp.request(unmocked, () => done('answered')).on('error', done).end()],
    ['http.get', (done: (o: unknown) => void) => nodeHttp.get(unmocked, () => done('answered')).on('error', done)],
    ['https.get', (done: (o: unknown) => void) => nodeHttps.get('https://127.0.0.1:9/nowhere', () => done('answered')).on('error', done)],
    ['new http.ClientRequest', (done: (o: unknown) => void) => new nodeHttp.ClientRequest(unmocked, () => done('answered')).on('error', done).end()],
  ])('stops an unmocked request made with %s', async (_how, start) => {
    mocks = startMockInterception();
    expect(await failure(start)).toBeInstanceOf(UnmockedRequestError);
  });

  it('answers a mocked provider over node:http too', async () => {
    mocks = startMockInterception();
    const body = await new Promise<string>((resolve, reject) => {
      const request = nodeHttp.request(`${mockBase('openai')}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer test' } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(text));
      });
      request.on('error', reject);
      request.end(JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'over http' }] }));
    });
    expect(JSON.parse(body).choices[0].message.content).toContain('over http');
  });

  it('puts everything back on close(), used or not', async () => {
    for (const use of [false, true]) {
      const m = startMockInterception();
      if (use) await failure((done) => nodeHttp.get(unmocked, () => done('answered')).on('error', done));
      m.close();
      expect({ Headers: globalThis.Headers, fetch: globalThis.fetch, request: nodeHttp.request, get: nodeHttp.get, ClientRequest: nodeHttp.ClientRequest }).toEqual(NATIVE);
    }
  });
});

describe('two interceptions in one process', () => {
  const unmocked = 'http://127.0.0.1:9/nowhere';
  const viaHttp = (url: string): Promise<unknown> =>
    new Promise((done) => nodeHttp.get(url, (response) => done(`answered ${response.statusCode}`)).on('error', done));
  const viaFetch = (url: string): Promise<unknown> => fetch(url).then((r) => `answered ${r.status}`, (e: unknown) => e);

  it('asks the latest first, and the earlier one for what the latest does not answer', async () => {
    const outer = startMockInterception();
    const inner = startMockInterception();
    try {
      outer.use(http.get(unmocked, () => HttpResponse.text('outer', { status: 203 })));
      expect(await viaFetch(unmocked)).toBe('answered 203');
      inner.use(http.get(unmocked, () => HttpResponse.text('inner', { status: 202 })));
      expect(await viaFetch(unmocked)).toBe('answered 202');
      expect(await viaHttp(unmocked)).toBe('answered 202');
      inner.close();
      expect(await viaFetch(unmocked)).toBe('answered 203');
    } finally {
      inner.close();
      outer.close();
    }
  });

  it.each([
    ['the earlier first', true],
    ['the latest first', false],
  ])('closed in either order (%s), still intercepts until the last closes, then restores everything', async (_order, earlierFirst) => {
    const earlier = startMockInterception();
    const latest = startMockInterception();
    expect(await viaHttp(unmocked)).toBeInstanceOf(UnmockedRequestError);
    (earlierFirst ? earlier : latest).close();
    expect(await viaHttp(unmocked)).toBeInstanceOf(UnmockedRequestError);
    expect(await viaFetch(unmocked)).toBeInstanceOf(UnmockedRequestError);
    (earlierFirst ? latest : earlier).close();
    expect({ Headers: globalThis.Headers, fetch: globalThis.fetch, request: nodeHttp.request, get: nodeHttp.get, ClientRequest: nodeHttp.ClientRequest }).toEqual(NATIVE);
  });
});

describe('mock latency', () => {
  let mocks: MockInterception | undefined;
  afterEach(() => mocks?.close());

  it('delays each answer by latencyMs', async () => {
    mocks = startMockInterception({ latencyMs: 150 });
    const started = performance.now();
    const { status } = await post(`${mockBase('openai')}/chat/completions`, { model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('ports and bases', () => {
  it('follow the seed layout', () => {
    expect(MOCK_PORTS).toEqual({ openai: 18080, anthropic: 18081, gemini: 18082, grok: 18083, kimi: 18084 });
    expect(mockBase('openai')).toBe('http://127.0.0.1:18080/v1');
    expect(mockBase('anthropic')).toBe('http://127.0.0.1:18081');
    expect(mockBase('gemini')).toBe('http://127.0.0.1:18082');
    expect(mockBase('grok')).toBe('http://127.0.0.1:18083/v1');
    expect(mockBase('kimi')).toBe('http://127.0.0.1:18084/v1');
    // Beside the seed layout: TGI and SGLang serve their native routes at the root.
    expect(selfHostedMockBase('tgi')).toBe('http://127.0.0.1:18085');
    expect(selfHostedMockBase('sglang')).toBe('http://127.0.0.1:18086');
  });
});

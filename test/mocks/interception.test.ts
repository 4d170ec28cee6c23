// Mock mode's guarantees: every provider answers, latency is applied, and a request no mock
// answers fails naming itself without ever reaching the network.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_PORTS, mockBase, selfHostedMockBase, startMockInterception, UnmockedRequestError, type MockInterception } from '../../src/mocks/index.js';
import { post } from './post.js';

describe('an unmatched request in mock mode', () => {
  let real: Server;
  let realPort: number;
  let hits = 0;
  let mocks: MockInterception;

  beforeAll(async () => {
    // A real server on 127.0.0.1: if interception let a request through, it would count it.
    real = createServer((_req, res) => {
      hits += 1;
      res.end('{}');
    });
    await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
    realPort = (real.address() as AddressInfo).port;
    mocks = startMockInterception();
  });
  afterAll(async () => {
    mocks.close();
    await new Promise((resolve) => real.close(resolve));
  });

  it('rejects with method and URL, and nothing reaches the network', async () => {
    const url = `http://127.0.0.1:${realPort}/v1/chat/completions`;
    const error: unknown = await post(url, { model: 'm', messages: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnmockedRequestError);
    expect((error as Error).message).toBe(
      `evalmatrix mock mode: no mock answers POST ${url} — nothing left the machine. Point api_base at a mocked provider or set EVALMATRIX_MODE=live.`,
    );
    expect(hits).toBe(0);
  });

  it('leaves the query string (where a key may be) out of the message', async () => {
    const error: unknown = await fetch(`http://127.0.0.1:${realPort}/v1beta/models/m:generateContent?key=secret-key`, { method: 'POST' }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toContain(`POST http://127.0.0.1:${realPort}/v1beta/models/m:generateContent —`);
    expect((error as Error).message).not.toContain('secret-key');
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

// An endpoint that refuses connections and has never answered is given up on after two retries
// (a dead port shows in seconds), while one that has answered before keeps the whole policy.
// Real sockets on 127.0.0.1, no mocks: the refusals are the network's own.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createProviderClient, LimiterRegistry, ProviderError } from '../../src/providers/index.js';
import { backend, USER_ONLY } from './backend.js';

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

function client(port: number) {
  const sleeps: number[] = [];
  const limiters = new LimiterRegistry({ now: () => performance.now(), sleep: async () => undefined });
  const made = createProviderClient(backend({ provider: 'openai', model: 'm', api_base: `http://127.0.0.1:${port}/v1` }), {
    env: { OPENAI_API_KEY: 'sk-test-unreachable' },
    limiters,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0,
  });
  return { client: made, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('an unreachable endpoint', () => {
  it('that never answered: three attempts (1 s + 2 s of waiting), then the refusal', async () => {
    const server = createServer();
    const port = await listen(server);
    await close(server);
    const { client: c, sleeps } = client(port);
    const error = await failure(c.chat({ messages: USER_ONLY }));
    expect(error).toMatchObject({ type: 'network', code: 'ECONNREFUSED', attempts: 3 });
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('that answered once (a 503) and then went away: the whole policy, six retries', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests += 1;
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'overloaded', type: 'server_error' } }));
      void close(server);
    });
    const port = await listen(server);
    const { client: c, sleeps } = client(port);
    const error = await failure(c.chat({ messages: USER_ONLY }));
    expect(requests).toBe(1);
    expect(error).toMatchObject({ type: 'network', code: 'ECONNREFUSED', attempts: 7 });
    expect(sleeps).toHaveLength(6);
  });
});

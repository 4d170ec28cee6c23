// Helpers for recordings tests: the mocks as real HTTP servers in this process (live mode calls
// them over the network, as it would a provider), a recordings folder of the test's own, and a
// case's request scope to make calls in.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startMockServers, type MockServers } from '../../src/mocks/server.js';
import { createProviderClient } from '../../src/providers/create.js';
import { newRequestScope, runInRequestScope, type RequestScope } from '../../src/providers/request-scope.js';
import type { ChatResult } from '../../src/providers/types.js';
import type { BackendConfig } from '../../src/config/schema.js';
import { backend } from '../providers/backend.js';

export const FAKE_KEY = 'sk-test-recordings-0123456789abcdef';

export function freshDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'em-recordings-'));
}

export async function serveMocks(): Promise<MockServers & { base: (provider: string) => string }> {
  const servers = await startMockServers({ only: ['openai', 'anthropic', 'gemini'], env: { MOCK_OPENAI_PORT: '0', MOCK_ANTHROPIC_PORT: '0', MOCK_GEMINI_PORT: '0' } });
  return { ...servers, base: (provider) => servers.served.find((s) => s.provider === provider)!.base };
}

/** One chat call as a case's trial would make it: in a request scope for pipeline `p`, model `m`. */
export async function chatInScope(config: Partial<BackendConfig> & Pick<BackendConfig, 'provider' | 'model'>, content: string): Promise<{ result: ChatResult; scope: RequestScope }> {
  const client = createProviderClient(backend({ max_retries: 0, ...config }), { env: { OPENAI_API_KEY: FAKE_KEY, ANTHROPIC_API_KEY: FAKE_KEY, GOOGLE_API_KEY: FAKE_KEY } });
  const scope = newRequestScope('p', 'm');
  const result = await runInRequestScope(scope, () => client.chat({ messages: [{ role: 'user', content }] }));
  return { result, scope };
}

/** Every line of every recordings file under `dir`, parsed. */
export function recordedLines(dir: string): Array<Record<string, any>> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l)));
}

/** An OpenAI-style chat server whose answer text `reply` makes from the request (and a counter). */
export async function openAIServer(reply: (request: IncomingMessage, n: number) => string): Promise<{ base: string; requests: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume().on('end', () => {
      n += 1;
      const content = reply(req, n);
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `req_${n}` });
      res.end(JSON.stringify({ id: `c${n}`, object: 'chat.completion', model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 2 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/v1`,
    requests: () => n,
    close: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

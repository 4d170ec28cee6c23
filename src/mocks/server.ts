// The provider mocks as real HTTP servers (`evalmatrix mock serve`), for curl and any client
// that does not run under MSW. Each request becomes a Fetch Request answered by the very
// handlers the test worker uses (createMockHandlers, with mockOptionsFromEnv), so their
// behaviours — echo, EVALMATRIX_MOCK_FAULTS, MOCK_TARGET forwarding — are the same here. One
// server per provider on 127.0.0.1:18080–18084 by default, and TGI (18085) and SGLang (18086)
// when asked for; MOCK_<NAME>_PORT moves one (0 picks a free port).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { getResponse, type RequestHandler } from 'msw';
import { createMockHandlers } from './all.js';
import { mockOptionsFromEnv } from './env-options.js';
import type { MockOptions } from './options.js';
import { MOCK_PORTS, SERVABLE_MOCK_PORTS, servedMockBase, type MockProvider, type ServableMock } from './ports.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What `mock serve` runs by default: the seed layout's five providers. */
export const MOCK_PROVIDERS = Object.keys(MOCK_PORTS) as MockProvider[];
/** Everything it can run when named: the five and the self-hosted TGI and SGLang. */
export const SERVABLE_MOCKS = Object.keys(SERVABLE_MOCK_PORTS) as ServableMock[];

/** Other names for the mocks, as people call the providers behind them. */
const MOCK_ALIASES: Readonly<Record<string, ServableMock>> = { google: 'gemini', xai: 'grok', moonshot: 'kimi' };

/** `MOCK_OPENAI_PORT`, …: the variable that moves one mock's port. */
export function portVariable(provider: ServableMock): string {
  return `MOCK_${provider.toUpperCase()}_PORT`;
}

/** The mock for a name as written on the command line, or undefined. */
export function mockProviderNamed(name: string): ServableMock | undefined {
  const key = name.trim().toLowerCase();
  if ((SERVABLE_MOCKS as string[]).includes(key)) return key as ServableMock;
  return Object.hasOwn(MOCK_ALIASES, key) ? MOCK_ALIASES[key] : undefined;
}

export class MockServeError extends Error {
  override readonly name = 'MockServeError';
}

export interface ServedMock {
  provider: ServableMock;
  port: number;
  /** What a backend's api_base should be to reach this server. */
  base: string;
}

export interface MockServers {
  served: ServedMock[];
  /** Stops accepting requests and closes open connections. */
  close(): Promise<void>;
}

export interface MockServeOptions {
  /** Which mocks to serve (default the five providers). */
  only?: readonly ServableMock[];
  /** MOCK_*_PORT and EVALMATRIX_MOCK_LATENCY_MS; process.env by default. */
  env?: Env;
  /** Default: createMockHandlers with the environment's options. */
  handlers?: RequestHandler[];
}

export async function startMockServers(options: MockServeOptions = {}): Promise<MockServers> {
  const env = options.env ?? process.env;
  const providers = options.only ?? MOCK_PROVIDERS;
  const handlers = options.handlers ?? createMockHandlers(optionsFrom(env));
  const ports = providers.map((provider) => ({ provider, port: configuredPort(provider, env) }));
  const started: Array<{ server: Server; served: ServedMock }> = [];
  try {
    for (const { provider, port } of ports) {
      const server = createServer((req, res) => void answer(provider, handlers, req, res));
      const actual = await listen(server, port, provider);
      started.push({ server, served: { provider, port: actual, base: servedMockBase(provider, actual) } });
    }
  } catch (error) {
    await Promise.all(started.map(({ server }) => stop(server)));
    throw error;
  }
  return {
    served: started.map((s) => s.served),
    close: () => Promise.all(started.map(({ server }) => stop(server))).then(() => undefined),
  };
}

/** A bad EVALMATRIX_MOCK_FAULTS, EVALMATRIX_MOCK_SEED, … is the user's to fix, not a crash. */
function optionsFrom(env: Env): MockOptions {
  try {
    return mockOptionsFromEnv(env);
  } catch (error) {
    throw new MockServeError((error as Error).message);
  }
}

function configuredPort(provider: ServableMock, env: Env): number {
  const variable = portVariable(provider);
  const raw = env[variable]?.trim();
  if (!raw) return SERVABLE_MOCK_PORTS[provider];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new MockServeError(`${variable}="${env[variable]}" is not a port; use a whole number from 1 to 65535 (0 picks a free one)`);
  }
  return port;
}

function listen(server: Server, port: number, provider: ServableMock): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const variable = portVariable(provider);
      if (error.code === 'EADDRINUSE') {
        reject(new MockServeError(`port ${port} for the ${provider} mock is already in use (another mock serve, or another program). Stop it, or move this mock: ${variable}=<free port>`));
      } else if (error.code === 'EACCES') {
        reject(new MockServeError(`port ${port} for the ${provider} mock is not allowed for this user. Pick another: ${variable}=<port above 1023>`));
      } else reject(error);
    });
    // Loopback only: the mocks are for this machine.
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

async function answer(provider: ServableMock, handlers: RequestHandler[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  // A client that hangs up aborts the request, as fetch's signal would: a handler waiting for
  // that (the timeout fault) then lets go.
  const hangUp = new AbortController();
  res.on('close', () => hangUp.abort());
  try {
    const body = await readBody(req);
    const path = req.url ?? '/';
    // The handlers are written for the default ports; a moved server still answers as its mock.
    const urls = [`http://127.0.0.1:${SERVABLE_MOCK_PORTS[provider]}${path}`, `http://${req.headers.host ?? '127.0.0.1'}${path}`];
    for (const url of urls) {
      const response = await getResponse(handlers, toRequest(url, req, body, hangUp.signal));
      if (!response) continue;
      // Response.error() is a network failure (the reset and timeout faults): drop the connection.
      if (response.type === 'error') return void req.socket.destroy();
      return await send(res, response);
    }
    sendJson(res, 404, { error: { message: `no ${provider} mock answers ${req.method} ${path.split('?')[0]}`, type: 'not_found_error' } });
  } catch (error) {
    if (res.headersSent) res.destroy(error as Error);
    else sendJson(res, 500, { error: { message: `the ${provider} mock failed: ${(error as Error).message}`, type: 'mock_error' } });
  }
}

function toRequest(url: string, req: IncomingMessage, body: Buffer, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  return new Request(url, { method, headers, signal, ...(method === 'GET' || method === 'HEAD' ? {} : { body }) });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    // Node sets its own framing; a stale length or encoding would corrupt the body.
    if (name === 'content-length' || name === 'transfer-encoding' || name === 'content-encoding') return;
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  // An empty status text would go out as such; Node's standard one reads better.
  if (response.statusText) res.writeHead(response.status, response.statusText, headers);
  else res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  // Streamed (SSE) answers go out chunk by chunk, as a real server sends them.
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections would hold close() open until they time out.
    server.closeAllConnections();
  });
}

// Mock mode inside a Node process: MSW answers every provider call, and a request that no mock
// answers fails on the spot, naming itself, instead of going out to the network.
//
// Why not msw's setupServer: per request it clones the mocked response (teeing its body) for
// 'response:mocked' listeners, emits five typed events and stores cookies; with the global
// constructor Proxies that its node:http interception adds (see lazy-client-request.ts) that
// was about a fifth of a mocked request's CPU (README "Performance"). Here MSW's own
// interception layer (@mswjs/interceptors, the one setupServer uses) hands each request to
// msw's getResponse with the same handlers, and answers with what they return.
import type { RequestHandler } from 'msw';
import type { MockOptions } from './options.js';
import { createMockHandlers } from './all.js';
import { joinInterception } from './interception-core.js';

/** The part of msw's SetupServer that mock mode offers: add handlers in front, drop them, stop. */
export interface MockInterception {
  /** Handlers tried before the mocks (and before earlier use() calls), as with server.use(). */
  use(...handlers: RequestHandler[]): void;
  /** Drops every handler added with use(). */
  resetHandlers(): void;
  /** Stops intercepting; fetch and http go back to the network. */
  close(): void;
}

export class UnmockedRequestError extends Error {
  override readonly name = 'UnmockedRequestError';
  // With `code` and `errno` @mswjs/interceptors treats the error as a Node network error and
  // makes the fetch reject with it, where any other error would become a 500 response that a
  // client reads (and retries) as a server fault.
  readonly code = 'EVALMATRIX_UNMOCKED';
  readonly errno = 0;

  constructor(method: string, url: string) {
    super(
      `evalmatrix mock mode: no mock answers ${method} ${withoutQuery(url)} — nothing left the machine. ` +
        'Point api_base at a mocked provider or set EVALMATRIX_MODE=live.',
    );
  }
}

/**
 * Starts intercepting this process's fetch and node:http requests; call close() on the result
 * to stop. Started twice (a test's own inside an eval file's), the latest is asked first and
 * the other still answers what it does not; one started with `fallback` (the plugin's own) is
 * asked last, however early it started.
 */
export function startMockInterception(options: MockOptions & { fallback?: boolean } = {}): MockInterception {
  const mocks = createMockHandlers(options);
  let handlers: RequestHandler[] = mocks;
  let added: RequestHandler[] = [];
  const leave = joinInterception(
    { handlers: () => handlers, ...(options.fallback ? { fallback: true } : {}) },
    { unanswered: (request) => new UnmockedRequestError(request.method, request.url) },
  );

  return {
    use(...more) {
      added = [...more, ...added];
      handlers = [...added, ...mocks];
    },
    resetHandlers() {
      added = [];
      handlers = mocks;
    },
    close: leave,
  };
}

/** A query string can carry a key (Gemini's ?key=), so messages leave it out. */
function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

// Mock mode inside a Node process: MSW answers every provider call, and a request that no mock
// answers fails on the spot, naming itself, instead of going out to the network.
import { setupServer, type SetupServer } from 'msw/node';
import type { MockOptions } from './options.js';
import { createMockHandlers } from './all.js';

export type MockInterception = SetupServer;

export class UnmockedRequestError extends Error {
  override readonly name = 'UnmockedRequestError';
  // With `code` and `errno` @mswjs/interceptors treats the error as a Node network error and
  // makes the fetch reject with it. Any other error thrown from onUnhandledRequest becomes a
  // 500 response, which a client would read (and retry) as a server fault.
  readonly code = 'EVALMATRIX_UNMOCKED';
  readonly errno = 0;

  constructor(method: string, url: string) {
    super(
      `evalmatrix mock mode: no mock answers ${method} ${withoutQuery(url)} — nothing left the machine. ` +
        'Point api_base at a mocked provider or set EVALMATRIX_MODE=live.',
    );
  }
}

/** Starts intercepting this process's fetch; call close() on the result to stop. */
export function startMockInterception(options: MockOptions = {}): MockInterception {
  const server = setupServer(...createMockHandlers(options));
  // msw 2's name for it; msw 3 calls this onUnhandledFrame.
  server.listen({
    onUnhandledRequest(request) {
      throw new UnmockedRequestError(request.method, request.url);
    },
  });
  return server;
}

/** A query string can carry a key (Gemini's ?key=), so messages leave it out. */
function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

// Mock mode inside a Node process: MSW answers every provider call, and a request that no mock
// answers fails on the spot, naming itself, instead of going out to the network.
//
// Why not msw's setupServer: per request it clones the mocked response (teeing its body) for
// 'response:mocked' listeners, emits five typed events and stores cookies; with the global
// constructor Proxies that its node:http interception adds (see lazy-client-request.ts) that
// was about a quarter of a mocked request's CPU (README "Performance"). Here MSW's own
// interception layer (@mswjs/interceptors, the one setupServer uses) hands each request to
// msw's getResponse with the same handlers, and answers with what they return.
import type { HttpRequestEventMap } from '@mswjs/interceptors';
import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { getResponse, type RequestHandler } from 'msw';
import type { MockOptions } from './options.js';
import { createMockHandlers } from './all.js';
import { interceptClientRequestsLazily } from './lazy-client-request.js';

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

/** Starts intercepting this process's fetch and http requests; call close() on the result to stop. */
export function startMockInterception(options: MockOptions = {}): MockInterception {
  const mocks = createMockHandlers(options);
  let added: RequestHandler[] = [];
  let handlers: RequestHandler[] = mocks;

  const answer = async ({ request, controller }: HttpRequestEventMap['request'][0]): Promise<void> => {
    // msw's bypass(): the caller asked for the real network (the standalone mock server
    // forwarding to a provider it does not mock).
    if (isBypassed(request)) return;
    const response = await getResponse(handlers, request);
    if (response === undefined) throw new UnmockedRequestError(request.method, request.url);
    // A handler returned msw's passthrough(): leaving the request unanswered lets it out.
    if (isPassthrough(response)) return;
    controller.respondWith(response);
  };
  const fetchInterceptor = new FetchInterceptor();
  fetchInterceptor.on('request', answer);
  fetchInterceptor.apply();
  const clientRequests = interceptClientRequestsLazily(answer);

  return {
    use(...more) {
      added = [...more, ...added];
      handlers = [...added, ...mocks];
    },
    resetHandlers() {
      added = [];
      handlers = mocks;
    },
    close() {
      fetchInterceptor.dispose();
      clientRequests.dispose();
    },
  };
}

// msw marks both intentions with these headers (msw 2 and 3 alike); setupServer reads them the same way.
const INTENTION_HEADER = 'x-msw-intention';

function isBypassed(request: Request): boolean {
  const accept = request.headers.get('accept');
  if (!accept?.includes('msw/passthrough')) return false;
  const rest = accept.replace(/(,\s+)?msw\/passthrough/, '');
  if (rest) request.headers.set('accept', rest);
  else request.headers.delete('accept');
  return true;
}

function isPassthrough(response: Response): boolean {
  return response.status === 302 && response.headers.get(INTENTION_HEADER) === 'passthrough';
}

/** A query string can carry a key (Gemini's ?key=), so messages leave it out. */
function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

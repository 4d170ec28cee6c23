// One interception per process, however many mock interceptions are started: fetch and
// node:http are patched once, and each request is offered to the started interceptions'
// handlers, the latest first (a test's own interception inside an eval file's, say), until one
// answers. Kept on globalThis because the patches are process-wide while a module can be
// loaded more than once (source and built copies, Vitest module graphs): two cores would
// patch over each other and, closed out of order, restore each other's patches.
import type { HttpRequestEventMap } from '@mswjs/interceptors';
import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { getResponse, RequestHandler } from 'msw';
import { interceptClientRequestsLazily } from './lazy-client-request.js';

/** What one started interception offers: its handlers as they are now. */
export interface HandlerSource {
  /** Read on every request; not copied, so not to be changed in place. */
  handlers(): RequestHandler[];
  /** Asked after every other source whenever it was started (the plugin's own, in mock mode,
   *  so that a test's interception answers first even when started before it). */
  fallback?: boolean;
}

type Request = HttpRequestEventMap['request'][0]['request'];

export interface CoreOptions {
  /** The error a request no source answers fails with. */
  unanswered(request: Request): Error;
}

interface Core {
  sources: HandlerSource[];
  dispose(): void;
}

const CORE = Symbol.for('evalmatrix.mocks.interception');
type WithCore = typeof globalThis & { [CORE]?: Core };

/** Registers a source, installing the interception if it is the first; the result unregisters it. */
export function joinInterception(source: HandlerSource, options: CoreOptions): () => void {
  const global = globalThis as WithCore;
  const core = (global[CORE] ??= install(options));
  // Asked from the end: fallbacks stay at the front.
  if (source.fallback) core.sources.unshift(source);
  else core.sources.push(source);
  return () => {
    const at = core.sources.indexOf(source);
    if (at === -1) return;
    core.sources.splice(at, 1);
    if (core.sources.length === 0 && global[CORE] === core) {
      delete global[CORE];
      core.dispose();
    }
  };
}

function install(options: CoreOptions): Core {
  const sources: HandlerSource[] = [];
  const answer = async ({ request, controller }: HttpRequestEventMap['request'][0]): Promise<void> => {
    // msw's bypass(): the caller asked for the real network (the standalone mock server
    // forwarding to a provider it does not mock).
    if (isBypassed(request)) return;
    for (let i = sources.length - 1; i >= 0; i--) {
      let response: Response | undefined;
      try {
        response = await getResponse(sources[i]!.handlers(), request);
      } finally {
        forgetClone(request);
      }
      if (response === undefined) continue;
      // A handler returned msw's passthrough(): leaving the request unanswered lets it out.
      if (!isPassthrough(response)) controller.respondWith(response);
      return;
    }
    throw options.unanswered(request);
  };
  const fetchInterceptor = new FetchInterceptor();
  // Applied first, then listened to: when an msw server of the user's already intercepts fetch
  // (started at an eval file's top level), apply() joins that running interception and our
  // listener comes after msw's, so the user's handlers are asked first and the mocks answer
  // what they leave unhandled.
  fetchInterceptor.apply();
  fetchInterceptor.on('request', async (event) => {
    if (!listensLast(fetchInterceptor, answerOrRefuse)) throw new LateServerError();
    await answer(event);
  });
  const answerOrRefuse = lastListener(fetchInterceptor);
  const clientRequests = interceptClientRequestsLazily(answer);
  return {
    sources,
    dispose() {
      fetchInterceptor.dispose();
      clientRequests.dispose();
    },
  };
}

/** An msw server started after the mocks (in beforeAll, in a test) joins the same interception
 *  behind our listener and would never be asked: refused, saying where to start it. */
export class LateServerError extends Error {
  override readonly name = 'LateServerError';
  readonly code = 'EVALMATRIX_LATE_SERVER';
  readonly errno = 0;
  constructor() {
    super(
      "evalmatrix mock mode: an msw server (setupServer().listen()) was started after evalmatrix's mocks, in a beforeAll or a test, where its handlers are never asked. " +
        'Start it at the top level of the eval file, or add the handlers with startMockInterception().use(...) from evalmatrix/mocks',
    );
  }
}

type Listener = (...args: never[]) => unknown;
interface EmitterLike {
  listeners(event: string): Listener[];
}

/** The emitter requests are dispatched on: a running instance's when apply() joined one. */
function runningEmitter(interceptor: FetchInterceptor): EmitterLike {
  const internals = interceptor as unknown as { getInstance(): { emitter: EmitterLike } | undefined; emitter: EmitterLike };
  return internals.getInstance()?.emitter ?? internals.emitter;
}

function lastListener(interceptor: FetchInterceptor): Listener | undefined {
  return runningEmitter(interceptor).listeners('request').at(-1);
}

function listensLast(interceptor: FetchInterceptor, ours: Listener | undefined): boolean {
  return lastListener(interceptor) === ours;
}

// msw's handlers keep a clone of each request they run (its body teed) in a static WeakMap keyed
// by the request, for logging. An entry goes only when a full collection finds its request dead,
// so every answered request's clone, body and all, outlived young-generation collections and was
// promoted. The mock router no longer clones (router.ts), but handlers added with use() still do:
// their entries are dropped once the request is answered (before the router change this cut the
// bytes a mocked SDK call promotes by a sixth, 466 → 388 MB over 20,000 calls).
function forgetClone(request: Request): void {
  (RequestHandler.cache as WeakMap<object, unknown>).delete(request);
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

// One MSW handler in front of many mock routes. MSW tries its handlers one by one, and each try
// parses the URL, reads the cookies and compiles the route's path pattern afresh: with the
// forty-odd routes of the five providers, path-to-regexp and the cookie store alone took 13% of
// a mocked request's CPU, and a request to the last provider cost half again the first's. An
// eval sends the same URL thousands of times, so the router asks MSW's own matcher once per
// distinct URL and remembers the answer: the same route MSW would have chosen, for the cost of
// a map lookup.
import { http, HttpHandler, matchRequestUrl, type PathParams } from 'msw';

/** One answer the mocks give: an HTTP method, an absolute MSW path pattern, and the resolver. */
export interface MockRoute {
  method: 'GET' | 'POST';
  /** An absolute URL pattern in MSW's syntax (`:param`, `\\:` for a literal colon). */
  path: string;
  resolver: Parameters<typeof http.post>[1];
}

export function post(path: string, resolver: MockRoute['resolver']): MockRoute {
  return { method: 'POST', path, resolver };
}

interface Hit {
  route: MockRoute;
  params: PathParams;
}

/** Distinct URLs remembered; past this the memory starts afresh (a run uses a handful). */
const MEMO_LIMIT = 1024;

/** Finds the first route that matches, as MSW would try them in order. Exported for tests. */
export function createRouteMatcher(routes: readonly MockRoute[]): (method: string, url: string) => Hit | undefined {
  const memo = new Map<string, Hit | null>();
  return (method, url) => {
    const key = `${method} ${withoutQuery(url)}`;
    let hit = memo.get(key);
    if (hit === undefined) {
      hit = firstMatch(routes, method, url);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, hit);
    }
    return hit ?? undefined;
  };
}

/** The routes as one MSW handler (the order of `routes` decides between overlapping paths). */
export function mockRouter(routes: readonly MockRoute[]): HttpHandler {
  const match = createRouteMatcher(routes);
  // The predicate and the resolver see the same Request object, so the route chosen for it
  // travels between them without a second match.
  const chosen = new WeakMap<Request, MockRoute>();
  return new RouterHandler(
    ({ request }) => {
      const hit = match(request.method, request.url);
      if (hit === undefined) return false;
      chosen.set(request, hit.route);
      return { matches: true, params: { ...hit.params } };
    },
    (info) => {
      const route = chosen.get(info.request);
      if (route === undefined) throw new Error(`mock router: no route was chosen for ${info.request.method} ${withoutQuery(info.request.url)}`);
      chosen.delete(info.request);
      return route.resolver(info as Parameters<MockRoute['resolver']>[0]);
    },
  );
}

type RunArgs = Parameters<HttpHandler['run']>[0];
type RunResult = Awaited<ReturnType<HttpHandler['run']>>;
type Resolver = ConstructorParameters<typeof HttpHandler>[2];

/**
 * An `http.all()` handler whose run() leaves out two things msw does for every request that only
 * msw's extras use: a clone of the request (its body teed) kept for logging, and an
 * AbortController aborted once the resolver settles, for `finalize()` listeners. Mock routes
 * use neither, and on Node 20 they cost a mocked SDK call about a quarter of its CPU and nearly
 * three quarters of the bytes it promotes to the old generation (20,000 calls: 388 → 108 MB):
 * the abort builds a DOMException and a trusted Event, and whatever they and the clone reach
 * outlives young-generation collections. Matching (parse, predicate),
 * the resolver's arguments and the result are msw's own, and a thrown Response answers, as in
 * msw.
 */
class RouterHandler extends HttpHandler {
  constructor(predicate: ConstructorParameters<typeof HttpHandler>[1], resolver: Resolver) {
    super(/.+/, predicate, resolver);
  }

  override async run(args: RunArgs): Promise<RunResult> {
    const { request, requestId, resolutionContext } = args;
    const parsedResult = await this.parse({ request, resolutionContext });
    if (!(await this.predicate({ request, parsedResult, resolutionContext }))) return null;
    this.isUsed = true;
    let response: Response | undefined;
    try {
      response = (await this.resolver({
        ...this.extendResolverArgs({ request, parsedResult }),
        requestId,
        request,
        get finalize(): never {
          throw new Error('mock routes cannot use finalize(); for a handler that needs it, add an msw handler with startMockInterception().use()');
        },
      })) as Response | undefined;
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      response = thrown;
    }
    return { handler: this, parsedResult, request, requestId, response };
  }
}

function firstMatch(routes: readonly MockRoute[], method: string, url: string): Hit | null {
  const parsed = new URL(url);
  const wanted = method.toUpperCase();
  for (const route of routes) {
    if (route.method !== wanted) continue;
    const result = matchRequestUrl(parsed, route.path);
    if (result.matches) return { route, params: result.params ?? {} };
  }
  return null;
}

function withoutQuery(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

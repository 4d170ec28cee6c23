// What every mock route does before its own work: wait the configured latency, then maybe
// answer with an injected fault (in the provider's dialect) instead of the real answer.
import { http, HttpResponse } from 'msw';
import type { FaultDialect } from './faults/dialect.js';
import { FaultPlan, type Fault } from './faults/plan.js';
import type { MockOptions } from './options.js';
import { simulateLatency } from './handlers/request.js';

type Resolver = Parameters<typeof http.post>[1];

export interface RouteSpec {
  dialect: FaultDialect;
  /** Whether this request asked for a stream (so a malformed fault breaks the stream instead). */
  streaming(request: Request, body: string): boolean;
}

/** One per handler factory: the requests it sees share the fault bookkeeping. */
export function mockRoute(options: MockOptions, spec: RouteSpec): (resolver: Resolver) => Resolver {
  const plan = options.faults && Object.values(options.faults).some((share) => share > 0) ? new FaultPlan(options.faults, options.seed) : undefined;
  return (resolver) => async (info) => {
    await simulateLatency(options.latencyMs);
    if (plan !== undefined) {
      const body = await info.request.clone().text();
      const url = new URL(info.request.url);
      const fault = plan.next(`${info.request.method} ${url.origin}${url.pathname} ${body}`);
      if (fault) return answerFault(fault, spec, info.request, body);
    }
    return resolver(info);
  };
}

async function answerFault(fault: Fault, spec: RouteSpec, request: Request, body: string): Promise<Response> {
  switch (fault.kind) {
    case 'rate_limit':
      return spec.dialect.rateLimited();
    case 'server_error':
      return spec.dialect.serverError(fault.variant);
    case 'malformed':
      return spec.dialect.malformed(fault.variant, spec.streaming(request, body));
    case 'timeout':
      // No answer until the client gives up (its timeout aborts the request).
      await untilAborted(request.signal);
      return HttpResponse.error();
    case 'reset':
      return HttpResponse.error();
  }
}

// Requests held until their client gives up. Nothing else holds a request no one answers: an
// intercepted Request's signal follows the client's through a weak reference only (undici), so
// a garbage collection could take the whole waiting request, and the client's abort would
// never arrive. Holding the signal holds the listener, this promise, the waiting resolver and
// so the request.
const awaitingAbort = new Set<AbortSignal>();

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    awaitingAbort.add(signal);
    signal.addEventListener(
      'abort',
      () => {
        awaitingAbort.delete(signal);
        resolve();
      },
      { once: true },
    );
  });
}

// node:http interception, applied on the first node:http request rather than up front.
//
// Why: @mswjs/interceptors' ClientRequestInterceptor, once applied, also wraps the global
// Headers, Request and Response constructors in Proxies (to keep raw header casing for
// node:http answers). Every fetch then pays for them: about 0.07 ms of a mocked request's
// 0.4 ms, though every provider SDK here speaks fetch. Until something calls http.request,
// http.get, https.request, https.get or new http.ClientRequest, those five stand in, and the
// first call puts the originals back, applies the interceptor and goes through it, so a
// node:http client in mock mode is still answered or stopped exactly as before.
import http from 'node:http';
import https from 'node:https';
import { ClientRequestInterceptor } from '@mswjs/interceptors/ClientRequest';
import type { HttpRequestEventMap } from '@mswjs/interceptors';

type RequestListener = (...args: HttpRequestEventMap['request']) => Promise<void>;

export interface LazyInterception {
  /** Puts the originals back, or lets the interceptor restore them if it was applied. */
  dispose(): void;
}

// The places node:http clients are reached through, as (module, property) pairs.
type Slots = Record<string, (...args: unknown[]) => unknown>;
const ENTRY_POINTS: ReadonlyArray<readonly [Slots, string]> = [
  [http as unknown as Slots, 'request'],
  [http as unknown as Slots, 'get'],
  [https as unknown as Slots, 'request'],
  [https as unknown as Slots, 'get'],
  [http as unknown as Slots, 'ClientRequest'],
];

export function interceptClientRequestsLazily(onRequest: RequestListener): LazyInterception {
  const originals = ENTRY_POINTS.map(([module, name]) => module[name]!);
  let interceptor: ClientRequestInterceptor | undefined;
  let disposed = false;

  const restore = (): void => {
    ENTRY_POINTS.forEach(([module, name], i) => (module[name] = originals[i]!));
  };
  const apply = (): void => {
    if (interceptor || disposed) return;
    restore();
    interceptor = new ClientRequestInterceptor();
    interceptor.on('request', onRequest);
    interceptor.apply();
  };

  // Each stand-in applies the interceptor, then calls whatever now sits in its place.
  ENTRY_POINTS.forEach(([module, name], i) => {
    const standIn: Slots[string] = new Proxy(originals[i]!, {
      apply(_target, thisArg, args) {
        apply();
        return Reflect.apply(module[name]!, thisArg, args);
      },
      construct(_target, args, newTarget): object {
        apply();
        const now = module[name]!;
        // A subclass of the stand-in keeps its own prototype.
        return Reflect.construct(now, args, newTarget === standIn ? now : newTarget) as object;
      },
    });
    module[name] = standIn;
  });

  return {
    dispose() {
      disposed = true;
      if (interceptor) interceptor.dispose();
      else restore();
    },
  };
}

// One request, timed: latency covers the whole exchange (send, wait, read the body), and any
// failure comes out as a ProviderError.
import type { ClientSettings } from './client-settings.js';
import { toProviderError } from './error-mapping.js';

/**
 * `send` gets a signal of its own, linked to the caller's for the length of this request only:
 * the SDKs add an abort listener to the signal they are given and never remove it, so handing
 * them a case-long signal would pile up one listener per sample.
 */
export async function timedRequest<T>(
  settings: ClientSettings,
  callerSignal: AbortSignal | undefined,
  send: (signal: AbortSignal) => Promise<T>,
): Promise<{ body: T; latency_ms: number }> {
  const request = new AbortController();
  const forward = () => request.abort(callerSignal?.reason);
  if (callerSignal?.aborted) forward();
  else callerSignal?.addEventListener('abort', forward, { once: true });
  const start = performance.now();
  try {
    const body = await send(request.signal);
    return { body, latency_ms: performance.now() - start };
  } catch (error) {
    // The caller cancelled (a test timeout, a bail): not the provider's failure, so no ProviderError.
    if (callerSignal?.aborted) throw callerSignal.reason;
    throw toProviderError(error, settings);
  } finally {
    callerSignal?.removeEventListener('abort', forward);
  }
}

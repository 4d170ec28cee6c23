// One request, timed: latency covers the whole exchange (send, wait, read the body), time to
// first token is marked by streaming protocols, and any failure comes out as a ProviderError.
import type { ClientSettings } from './client-settings.js';
import { timeoutError, toProviderError } from './error-mapping.js';
import { onAbort } from './on-abort.js';
import type { Completion, Send } from './protocol.js';
import type { ChatMessage } from './types.js';

export interface AttemptResult {
  completion: Completion;
  latency_ms: number;
  /** Set when the protocol streamed and text arrived. */
  ttft_ms: number | undefined;
}

/** Marks an abort as our own timeout rather than the caller's cancel. */
class AttemptTimeout extends Error {}

/**
 * The attempt gets a signal of its own, linked to the caller's for the length of this attempt
 * only: the SDKs add an abort listener to the signal they are given and never remove it, so
 * handing them a case-long signal would pile up one listener per sample. The link is a watcher
 * (on-abort.ts), not a listener of the caller's signal.
 */
export async function attempt(
  settings: ClientSettings,
  send: Send,
  messages: ChatMessage[],
  callerSignal: AbortSignal | undefined,
): Promise<AttemptResult> {
  const controller = new AbortController();
  const unlink = callerSignal ? onAbort(callerSignal, () => controller.abort(callerSignal.reason)) : undefined;
  // Our own timer rather than the SDKs' alone: theirs stops at the response headers, and a
  // stream that stalls after them would otherwise hang the case.
  const timer = setTimeout(() => controller.abort(new AttemptTimeout()), settings.timeoutMs);
  const start = performance.now();
  let firstTokenAt: number | undefined;
  try {
    const completion = await send(messages, {
      signal: controller.signal,
      firstToken: () => {
        firstTokenAt ??= performance.now();
      },
    });
    return { completion, latency_ms: performance.now() - start, ttft_ms: firstTokenAt === undefined ? undefined : firstTokenAt - start };
  } catch (error) {
    // The caller cancelled (a test timeout, a bail): not the provider's failure, so no ProviderError.
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (controller.signal.reason instanceof AttemptTimeout) throw timeoutError(settings);
    throw toProviderError(error, settings);
  } finally {
    clearTimeout(timer);
    unlink?.();
  }
}

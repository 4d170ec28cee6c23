// How one provider says each fault: its own error bodies, statuses and headers. The mocks
// answer injected faults the way the real service would, so clients meet what they will live.

export interface FaultDialect {
  /** 429 with the provider's body, its rate-limit headers and `retry-after: 0` (retry at once). */
  rateLimited(): Response;
  /** 500/503 (529 for Anthropic); `variant` in [0, 1) picks which. Also `retry-after: 0`. */
  serverError(variant: number): Response;
  /** 200 with a broken body: invalid JSON or a body missing the protocol's main field. */
  malformed(variant: number, streaming: boolean): Response;
}

/** The header every injected fault carries: mock faults exercise retries, they should not slow a run. */
export const RETRY_NOW = { 'retry-after': '0' } as const;

/** A JSON body cut short, with a JSON content type: what a dropped proxy connection leaves. */
export function truncatedJson(start: string): Response {
  return new Response(start, { status: 200, headers: { 'content-type': 'application/json' } });
}

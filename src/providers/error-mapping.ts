// Whatever a request threw, as a ProviderError: the two Stainless SDKs' errors, fetch failures,
// timeouts and bodies that are not JSON. The key and any bearer token are scrubbed from every
// message, nothing from the request (headers included) is ever quoted, and an HTTP error keeps
// no SDK error as its cause (the SDKs' messages quote the raw body, which may echo the key).
// The SDKs' error classes are those of the SDKs loaded: each SDK's module registers its own when
// it loads (sdkErrors), so a run that never calls Anthropic never imports its SDK.
import type { ClientSettings } from './client-settings.js';
import { ProviderError } from './errors.js';
import { serverRetryHintMs, type HeaderSource } from './retry/hints.js';

/** A Stainless SDK's HTTP error, as both SDKs shape it. */
interface SdkAPIError extends Error {
  status: number | undefined;
  headers: HeaderSource | undefined;
  error?: unknown;
  apiMessage?: string | null;
}

/** The error classes of one loaded SDK. */
export interface SdkErrors {
  APIError: abstract new (...args: never[]) => Error;
  APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
}

const loaded = new Set<SdkErrors>();

/** Called by each SDK's protocol module once the SDK is loaded. */
export function registerSdkErrors(errors: SdkErrors): void {
  loaded.add(errors);
}

function isSdkAPIError(error: unknown): error is SdkAPIError {
  for (const sdk of loaded) if (error instanceof sdk.APIError) return true;
  return false;
}

export function toProviderError(error: unknown, settings: ClientSettings): ProviderError {
  if (error instanceof ProviderError) return error;
  if (isTimeout(error)) return timeoutError(settings);
  if (isSdkAPIError(error) && error.status !== undefined) {
    return httpError(error.status, sdkMessage(error), settings, { headers: error.headers });
  }
  // The SDKs parse a JSON content type with response.json(), and stream chunks with
  // JSON.parse: both throw this on a broken body.
  if (error instanceof SyntaxError) return malformedResponse(`the body is not valid JSON (${error.message})`, settings);
  const code = networkCode(error);
  return new ProviderError({
    provider: settings.provider,
    type: 'network',
    providerMessage: redact(describeChain(error), settings.apiKey),
    ...(code === undefined ? {} : { code }),
    cause: error,
  });
}

export function timeoutError(settings: ClientSettings): ProviderError {
  return new ProviderError({ provider: settings.provider, type: 'timeout', providerMessage: `no response within ${settings.timeoutMs} ms` });
}

/** A non-2xx answer. Refusals also say which variable the key came from (xAI answers a bad key with 400). */
export function httpError(
  status: number,
  providerMessage: string,
  settings: ClientSettings,
  hints: { headers?: HeaderSource | undefined; retryAfterMs?: number | undefined } = {},
): ProviderError {
  const retryAfterMs = hints.retryAfterMs ?? (hints.headers ? serverRetryHintMs(hints.headers, Date.now()) : undefined);
  return new ProviderError({
    provider: settings.provider,
    type: 'http',
    status,
    providerMessage: redact(providerMessage, settings.apiKey),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...([400, 401, 403, 404].includes(status) ? { hint: keyHint(settings) } : {}),
  });
}

/** A 2xx answer without what the protocol promises; `problem` names the missing field. */
export function malformedResponse(problem: string, settings: ClientSettings): ProviderError {
  return new ProviderError({ provider: settings.provider, type: 'malformed', providerMessage: problem });
}

function isTimeout(error: unknown): boolean {
  for (const sdk of loaded) if (error instanceof sdk.APIConnectionTimeoutError) return true;
  // fetch aborted by AbortSignal.timeout().
  return error instanceof Error && error.name === 'TimeoutError';
}

/** The provider's own words: the error body's message rather than the SDK's "401 {json}" rendering. */
function sdkMessage(error: SdkAPIError): string {
  // Anthropic's SDK keeps the body's message apart.
  if (typeof error.apiMessage === 'string' && error.apiMessage) return error.apiMessage;
  // openai's `error` is the body's inner `error` object.
  const body = error.error as { message?: unknown } | undefined;
  if (typeof body?.message === 'string') return body.message;
  return error.message.replace(/^\d{3} /, '');
}

function keyHint(settings: ClientSettings): string {
  return settings.keyVariable ? `(key from ${settings.keyVariable})` : '(no API key was set; a placeholder or none was sent)';
}

/** "Connection error.; cause: connect ECONNREFUSED …": the SDKs put the useful part in `cause`. */
function describeChain(error: unknown): string {
  return causes(error)
    .map((e) => (e instanceof Error ? e.message : isDroppedResponse(e) ? DROPPED : String(e)))
    .join('; cause: ');
}

/** The first `code` along the cause chain (undici puts ECONNRESET on the cause of "fetch failed"). */
function networkCode(error: unknown): string | undefined {
  for (const e of causes(error)) {
    if (isDroppedResponse(e)) return 'ECONNRESET';
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

const DROPPED = 'the connection was reset: the server dropped it without an answer (ECONNRESET)';

/** An intercepted fetch answered with Response.error() (a mocked reset) rejects with that
 *  Response as the cause, which would print as "[object Response]". */
function isDroppedResponse(value: unknown): boolean {
  return typeof Response !== 'undefined' && value instanceof Response && value.type === 'error';
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && current !== null && chain.length < 5; ) {
    chain.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return chain;
}

/** Removes the key and any bearer token a server may have echoed back into an error. */
export function redact(text: string, secret: string): string {
  return redactKey(text, secret).replace(/\b(Bearer)\s+[^\s"',;]+/gi, '$1 [redacted]');
}

/** Removes the key only: for answers, where "Bearer …" may be what the model was asked about. */
export function redactKey(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('[redacted]');
}

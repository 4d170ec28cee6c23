// Whatever a request threw, as a ProviderError: the two Stainless SDKs' errors, fetch failures,
// timeouts and bodies that are not JSON. The key is scrubbed from every message, and nothing
// from the request (headers included) is ever quoted.
import { APIConnectionTimeoutError as OpenAITimeoutError, APIError as OpenAIAPIError } from 'openai';
import {
  APIConnectionTimeoutError as AnthropicTimeoutError,
  APIError as AnthropicAPIError,
} from '@anthropic-ai/sdk';
import type { ClientSettings } from './client-settings.js';
import { ProviderError } from './errors.js';

export function toProviderError(error: unknown, settings: ClientSettings): ProviderError {
  if (error instanceof ProviderError) return error;
  if (isTimeout(error)) {
    return new ProviderError({
      provider: settings.provider,
      type: 'timeout',
      providerMessage: `no response within ${settings.timeoutMs} ms`,
      cause: error,
    });
  }
  if ((error instanceof OpenAIAPIError || error instanceof AnthropicAPIError) && error.status !== undefined) {
    return httpError(error.status, sdkMessage(error), settings, error);
  }
  // The SDKs parse a JSON content type with response.json(), which throws this on a broken body.
  if (error instanceof SyntaxError) return malformedResponse(`the body is not valid JSON (${error.message})`, settings);
  return new ProviderError({
    provider: settings.provider,
    type: 'network',
    providerMessage: redact(describeChain(error), settings.apiKey),
    cause: error,
  });
}

/** A non-2xx answer. Auth failures also say which variable the key came from. */
export function httpError(status: number, providerMessage: string, settings: ClientSettings, cause?: unknown): ProviderError {
  return new ProviderError({
    provider: settings.provider,
    type: 'http',
    status,
    providerMessage: redact(providerMessage, settings.apiKey),
    ...(status === 401 || status === 403 ? { hint: keyHint(settings) } : {}),
    cause,
  });
}

/** A 2xx answer without what the protocol promises; `problem` names the missing field. */
export function malformedResponse(problem: string, settings: ClientSettings): ProviderError {
  return new ProviderError({ provider: settings.provider, type: 'malformed', providerMessage: problem });
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof OpenAITimeoutError ||
    error instanceof AnthropicTimeoutError ||
    // fetch aborted by AbortSignal.timeout() (the Gemini client).
    (error instanceof Error && error.name === 'TimeoutError')
  );
}

/** The provider's own words: the error body's message rather than the SDK's "401 {json}" rendering. */
function sdkMessage(error: OpenAIAPIError | AnthropicAPIError): string {
  if (error instanceof AnthropicAPIError && error.apiMessage) return error.apiMessage;
  // openai's `error` is the body's inner `error` object.
  const body = error.error as { message?: unknown } | undefined;
  if (typeof body?.message === 'string') return body.message;
  return error.message.replace(/^\d{3} /, '');
}

function keyHint(settings: ClientSettings): string {
  return settings.keyVariable ? `(key from ${settings.keyVariable})` : '(no API key was set; a placeholder was sent)';
}

/** "Connection error.; cause: connect ECONNREFUSED …": the SDKs put the useful part in `cause`. */
function describeChain(error: unknown): string {
  const parts: string[] = [];
  for (let current = error; current !== undefined && parts.length < 5; ) {
    if (!(current instanceof Error)) {
      parts.push(String(current));
      break;
    }
    parts.push(current.message);
    current = current.cause;
  }
  return parts.join('; cause: ');
}

function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('[redacted]');
}

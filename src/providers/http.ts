// POST JSON with fetch, for the protocols without an SDK: a non-2xx answer becomes an
// httpError with the provider's own message and retry hints, a broken body a malformed error.
import type { ClientSettings } from './client-settings.js';
import { readErrorBody } from './error-body.js';
import { httpError, malformedResponse } from './error-mapping.js';
import { sseEvents, type SseEvent } from './sse.js';

export interface PostOptions {
  url: string;
  body: unknown;
  headers: Record<string, string>;
  signal: AbortSignal;
}

async function post(settings: ClientSettings, options: PostOptions): Promise<Response> {
  const response = await fetch(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(options.body),
    signal: options.signal,
  });
  if (!response.ok) {
    const { message, retryAfterMs } = readErrorBody(await response.text());
    throw httpError(response.status, message, settings, { headers: response.headers, retryAfterMs });
  }
  return response;
}

export async function postJson(settings: ClientSettings, options: PostOptions): Promise<{ body: unknown; headers: Headers }> {
  const response = await post(settings, options);
  const text = await response.text();
  try {
    return { body: JSON.parse(text) as unknown, headers: response.headers };
  } catch (error) {
    throw malformedResponse(`the body is not valid JSON (${(error as Error).message})`, settings);
  }
}

export async function postStream(settings: ClientSettings, options: PostOptions): Promise<{ events: AsyncIterable<SseEvent>; headers: Headers }> {
  const response = await post(settings, options);
  if (response.body === null) throw malformedResponse('the stream has no body', settings);
  return { events: sseEvents(response.body), headers: response.headers };
}

/** A stream event's JSON; a broken one is a malformed response, like a broken body. */
export function parseEventData(data: string, settings: ClientSettings): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch (error) {
    throw malformedResponse(`a stream event is not valid JSON (${(error as Error).message})`, settings);
  }
}

/** `Authorization: Bearer` when there is a key; self-hosted servers may run without one. */
export function bearer(apiKey: string): Record<string, string> {
  return apiKey === '' ? {} : { authorization: `Bearer ${apiKey}` };
}

/** `base` + `/path`, whatever slashes the configured base ends with. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

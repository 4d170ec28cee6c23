// A text/event-stream response, as the providers stream: each event's optional name and its
// JSON data, one blank line apart.

export interface MockEvent {
  event?: string;
  /** Serialized with JSON.stringify unless already a string (for `[DONE]` and broken data). */
  data: unknown;
}

export function sseResponse(events: MockEvent[], init: { headers?: Record<string, string>; dataPrefix?: string } = {}): Response {
  const prefix = init.dataPrefix ?? 'data: ';
  const text = events
    .map(({ event, data }) => `${event === undefined ? '' : `event: ${event}\n`}${prefix}${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`)
    .join('');
  return new Response(text, {
    status: 200,
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...init.headers },
  });
}

// Reading what servers send when no SDK does it for us: server-sent events and error bodies.
import { describe, expect, it } from 'vitest';
import { readErrorBody } from '../../src/providers/error-body.js';
import { sseEvents } from '../../src/providers/sse.js';

/** A body that arrives in the given pieces, split wherever the test says. */
function body(...pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

async function all(stream: ReadableStream<Uint8Array>) {
  const events = [];
  for await (const event of sseEvents(stream)) events.push(event);
  return events;
}

describe('sseEvents', () => {
  it('reads data and event names, with or without a space after the colon', async () => {
    expect(await all(body('event: message_start\ndata: {"a":1}\n\ndata:{"b":2}\n\n'))).toEqual([
      { event: 'message_start', data: '{"a":1}' },
      { event: undefined, data: '{"b":2}' },
    ]);
  });

  it('joins multi-line data, skips comments, takes CRLF, and survives any split', async () => {
    const text = ': keep-alive\r\ndata: line one\r\ndata: line two\r\n\r\ndata: [DONE]\r\n\r\n';
    const expected = [
      { event: undefined, data: 'line one\nline two' },
      { event: undefined, data: '[DONE]' },
    ];
    for (let cut = 1; cut < text.length; cut += 7) expect(await all(body(text.slice(0, cut), text.slice(cut)))).toEqual(expected);
  });

  it('a last event without its blank line still counts', async () => {
    expect(await all(body('data: {"x":1}'))).toEqual([{ event: undefined, data: '{"x":1}' }]);
  });

  it('stopping early does not wait for the rest', async () => {
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: more\n\n'));
      },
    });
    for await (const event of sseEvents(endless)) {
      expect(event.data).toBe('more');
      break;
    }
  });
});

describe('readErrorBody', () => {
  it.each([
    ['OpenAI-compatible', '{"error":{"message":"Invalid key","type":"invalid_request_error"}}', { message: 'Invalid key' }],
    ['Gemini, with its status', '{"error":{"code":400,"message":"Bad contents","status":"INVALID_ARGUMENT"}}', { message: 'Bad contents (INVALID_ARGUMENT)' }],
    [
      'Gemini RetryInfo',
      '{"error":{"code":429,"message":"Quota","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}',
      { message: 'Quota (RESOURCE_EXHAUSTED)', retryAfterMs: 37_000 },
    ],
    ['TGI', '{"error":"Model is overloaded","error_type":"overloaded"}', { message: 'Model is overloaded' }],
    ['SGLang', '{"error":{"message":"Either text or input_ids should be provided."}}', { message: 'Either text or input_ids should be provided.' }],
    ['FastAPI', '{"detail":"Not Found"}', { message: 'Not Found' }],
    ['an HTML page', '<html>Bad Gateway</html>', { message: '<html>Bad Gateway</html>' }],
    ['nothing', '', { message: '(empty body)' }],
  ])('%s', (_what, text, expected) => {
    expect(readErrorBody(text)).toEqual(expected);
  });
});

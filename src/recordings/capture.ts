// A live answer passed on to the caller while it is recorded. The body goes through as it
// arrives (a stream stays a stream, its timing the provider's), and once it has all arrived the
// recorded form is handed to `done`: JSON as JSON, a server-sent-events stream as its events
// (one string each, its blank line included: they diff one by one and replay one per chunk, as a
// server sends them, however the network happened to cut them), anything else as text. An answer cut short (the caller gave up, the connection dropped) is
// not recorded; neither is an error status, which a later run should meet afresh.
import type { RecordedResponse } from './recording-line.js';

/** Headers the replay needs; the rest (rate-limit counters, request ids, dates) is diff noise. */
const KEPT_HEADERS = ['content-type'];
/** The body reaches the caller decoded, so its length and encoding no longer describe it. */
const FRAMING_HEADERS = ['content-encoding', 'content-length', 'transfer-encoding'];

export function captureResponse(upstream: Response, done: (recorded: RecordedResponse) => void): Response {
  const headers = new Headers(upstream.headers);
  for (const name of FRAMING_HEADERS) headers.delete(name);
  const init = { status: upstream.status, statusText: upstream.statusText, headers };
  if (!upstream.ok || upstream.body === null) return new Response(upstream.body, init);

  const kept = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (upstream.headers.has(name) ? [[name, upstream.headers.get(name)!]] : [])));
  const streamed = (upstream.headers.get('content-type') ?? '').includes('text/event-stream');
  const reader = upstream.body.getReader();
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  let text = '';
  const take = (bytes: Uint8Array): void => {
    text += decoder.decode(bytes, { stream: true });
    if (streamed) text = takeEvents(text, chunks);
  };
  const finish = (): void => {
    text += decoder.decode();
    if (text !== '') chunks.push(text);
    done({ status: upstream.status, headers: kept, ...recordedBody(chunks, streamed) });
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const read = await reader.read();
        if (read.done) {
          controller.close();
          finish();
          return;
        }
        take(read.value);
        controller.enqueue(read.value);
      } catch (error) {
        controller.error(error);
      }
    },
    // A reader that stops at the stream's last event (`[DONE]`) cancels what follows: the rest
    // is still read, so the recording is whole; a broken or aborted connection ends that too.
    cancel() {
      void (async () => {
        for (let read = await reader.read(); !read.done; read = await reader.read()) take(read.value);
        finish();
      })().catch(() => undefined);
    },
  });
  return new Response(body, init);
}

const EVENT_END = /\r?\n\r?\n/g;

/** Moves each whole event of `text` to `events`; returns the rest (an event still arriving). */
function takeEvents(text: string, events: string[]): string {
  let start = 0;
  EVENT_END.lastIndex = 0;
  for (let end = EVENT_END.exec(text); end !== null; end = EVENT_END.exec(text)) {
    events.push(text.slice(start, end.index + end[0].length));
    start = end.index + end[0].length;
  }
  return text.slice(start);
}

function recordedBody(chunks: string[], streamed: boolean): Pick<RecordedResponse, 'body' | 'text' | 'chunks'> {
  if (streamed) return { chunks };
  const text = chunks.join('');
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { text };
  }
}

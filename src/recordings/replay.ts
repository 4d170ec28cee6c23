// A recorded answer as an HTTP response again: the status, its content type, and the body — a
// JSON body as JSON text, a streamed one chunk by chunk as it was received, so the SDK reads a
// stream exactly as it read the live one. The response says it was replayed, and from which
// recording, in `x-evalmatrix-recording` (for anyone reading the raw response; the runner learns
// it from the request scope).
import type { RecordedResponse } from './recording-line.js';

export const RECORDING_HEADER = 'x-evalmatrix-recording';

export function replayResponse(recorded: RecordedResponse, key: string): Response {
  const headers = new Headers(recorded.headers);
  headers.set(RECORDING_HEADER, key);
  return new Response(bodyOf(recorded), { status: recorded.status, headers });
}

function bodyOf(recorded: RecordedResponse): ReadableStream<Uint8Array> | string {
  if (recorded.chunks !== undefined) {
    const encoder = new TextEncoder();
    const chunks = recorded.chunks;
    return new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    });
  }
  if (recorded.text !== undefined) return recorded.text;
  return JSON.stringify(recorded.body);
}

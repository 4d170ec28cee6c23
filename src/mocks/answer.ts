// What a mock answers, the same way for every provider: the backend's mock_reply when one is
// registered for this request, else a JSON instance when the request asks for structured output,
// else the provider's echo. Each mock then shapes the text (stops, max tokens) and puts it in its
// own wire format.
import type { ChatTurn } from './forward.js';
import { mockReplyFor } from './replies/registry.js';
import { jsonAnswer, type RequestedFormat } from './structured.js';

export interface MockRequest {
  /** Where it was sent: finds the mock_reply registered for that endpoint. */
  url: string;
  /** The model the request names (undefined for native routes, which name none). */
  model: string | undefined;
  messages: ChatTurn[];
  format: RequestedFormat | undefined;
  /** The parsed body: seeds a structured answer. */
  body: unknown;
}

export type MockAnswer = { ok: true; text: string } | { ok: false; message: string };

// A template that fails (a missing variable, the render budget) or a schema the generator has no
// instance for is the config's problem: each mock answers it as a request error (400), so the
// client does not retry it.
export function mockAnswer(request: MockRequest, echo: () => string): MockAnswer {
  const reply = mockReplyFor(request.url, request.model);
  if (reply) {
    const last_message = request.messages.at(-1)?.content ?? '';
    return attempt('the mock_reply template failed', () => reply({ model: request.model ?? '', messages: request.messages, last_message }));
  }
  const format = request.format;
  if (format) return attempt('no instance of the response schema could be made', () => jsonAnswer(format, request.body, echo()));
  return { ok: true, text: echo() };
}

function attempt(what: string, answer: () => string): MockAnswer {
  try {
    return { ok: true, text: answer() };
  } catch (error) {
    return { ok: false, message: `evalmatrix mock: ${what}: ${(error as Error).message}` };
  }
}

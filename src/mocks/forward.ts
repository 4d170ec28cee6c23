// MOCK_TARGET: the Anthropic and Gemini mocks can answer through an OpenAI-compatible server
// (a local vLLM, another mock) instead of echoing, translating the request there and the
// answer back. A target the in-process mocks answer stays in process; any other is a real
// server the user named, so the request goes past MSW to it.
import { bypass } from 'msw';
import { field } from './handlers/request.js';
import type { MockTarget } from './options.js';
import { MOCK_PORTS, SELF_HOSTED_MOCK_PORTS, localOrigins } from './ports.js';
import { numberOf } from './wire/reply.js';

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ForwardRequest {
  model: string;
  messages: ChatTurn[];
  max_tokens?: number | undefined;
  temperature?: number | undefined;
  top_p?: number | undefined;
  stop?: string[] | undefined;
}

export type Forwarded =
  | { ok: true; text: string; finish: 'stop' | 'length'; promptTokens: number; completionTokens: number; model: string }
  | { ok: false; status: number; failure: DownstreamFailure; message: string };

/** What a downstream error status means, for each mock to say in its own error vocabulary. */
export type DownstreamFailure = 'rate_limited' | 'unauthenticated' | 'forbidden' | 'not_found' | 'invalid' | 'unavailable' | 'internal';

export function downstreamFailure(status: number): DownstreamFailure {
  if (status === 429) return 'rate_limited';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status >= 400 && status < 500) return 'invalid';
  return status === 503 ? 'unavailable' : 'internal';
}

const MOCKED_ORIGINS = new Set([...Object.values(MOCK_PORTS), ...Object.values(SELF_HOSTED_MOCK_PORTS)].flatMap(localOrigins));

export async function forwardChat(target: MockTarget, request: ForwardRequest, signal: AbortSignal): Promise<Forwarded> {
  const url = `${target.base.replace(/\/+$/, '')}/chat/completions`;
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.apiKey ?? 'evalmatrix-mock'}` },
    body: JSON.stringify({ ...request, model: target.model ?? request.model }),
    signal,
  };
  const response = MOCKED_ORIGINS.has(new URL(url).origin) ? await fetch(url, init) : await fetch(bypass(url, init));
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = field(field(body, 'error'), 'message');
    const status = response.status;
    return { ok: false, status, failure: downstreamFailure(status), message: typeof message === 'string' ? message : `downstream answered ${status}` };
  }
  const choice = (field(body, 'choices') as unknown[] | undefined)?.[0];
  const content = field(field(choice, 'message'), 'content');
  if (typeof content !== 'string') {
    return { ok: false, status: 502, failure: 'internal', message: 'the downstream answer has no choices[0].message.content' };
  }
  const usage = field(body, 'usage');
  return {
    ok: true,
    text: content,
    finish: field(choice, 'finish_reason') === 'length' ? 'length' : 'stop',
    promptTokens: numberOf(field(usage, 'prompt_tokens')) ?? 0,
    completionTokens: numberOf(field(usage, 'completion_tokens')) ?? 0,
    model: String(field(body, 'model') ?? request.model),
  };
}

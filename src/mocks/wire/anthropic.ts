// Anthropic Messages wire shapes: the message, its stream events, errors, rate-limit headers
// and faults.
import { RETRY_NOW, truncatedJson, type FaultDialect } from '../faults/dialect.js';
import { mockId, roughTokenCount } from './common.js';
import { textPieces } from './reply.js';
import { sseResponse, type MockEvent } from './sse.js';

export type AnthropicContentBlock = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export interface AnthropicMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: AnthropicContentBlock[];
  stop_reason: string;
  stop_sequence: string | null;
  usage: { input_tokens: number; output_tokens: number };
}

/** A text answer, or (with `toolUse`) a forced tool's call whose input is `toolUse.input`. */
export function anthropicMessage(init: {
  model: string;
  text: string;
  inputTokens: number;
  outputTokens?: number;
  stopReason?: string;
  stopSequence?: string | null;
  toolUse?: { name: string; input: Record<string, unknown> };
}): AnthropicMessage {
  const tool = init.toolUse;
  return {
    id: mockId('msg_'),
    type: 'message',
    role: 'assistant',
    model: init.model,
    content: tool ? [{ type: 'tool_use', id: mockId('toolu_'), name: tool.name, input: tool.input }] : [{ type: 'text', text: init.text }],
    stop_reason: init.stopReason ?? (tool ? 'tool_use' : 'end_turn'),
    stop_sequence: init.stopSequence ?? null,
    usage: { input_tokens: init.inputTokens, output_tokens: init.outputTokens ?? roughTokenCount(init.text) },
  };
}

/** The message as Anthropic streams it: message_start, its block in deltas (text, or a tool's
 *  input as partial JSON), message_delta, message_stop. */
export function anthropicStreamEvents(message: AnthropicMessage): MockEvent[] {
  const event = (type: string, data: Record<string, unknown>): MockEvent => ({ event: type, data: { type, ...data } });
  const block = message.content[0] ?? { type: 'text', text: '' };
  const [start, deltas] =
    block.type === 'tool_use'
      ? [{ ...block, input: {} }, jsonPieces(JSON.stringify(block.input)).map((partial_json) => ({ type: 'input_json_delta', partial_json }))]
      : [{ type: 'text', text: '' }, textPieces(block.text).map((text) => ({ type: 'text_delta', text }))];
  return [
    event('message_start', { message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: message.usage.input_tokens, output_tokens: 1 } } }),
    event('content_block_start', { index: 0, content_block: start }),
    event('ping', {}),
    ...deltas.map((delta) => event('content_block_delta', { index: 0, delta })),
    event('content_block_stop', { index: 0 }),
    event('message_delta', { delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence }, usage: { output_tokens: message.usage.output_tokens } }),
    event('message_stop', {}),
  ];
}

/** A tool's input JSON in the short pieces a stream sends it in. */
function jsonPieces(json: string): string[] {
  return json.match(/[\s\S]{1,16}/g) ?? [''];
}

/** Each error type with the HTTP status Anthropic answers it with. */
export const ANTHROPIC_ERROR_STATUS = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  overloaded_error: 529,
} as const;
export type AnthropicErrorType = keyof typeof ANTHROPIC_ERROR_STATUS;

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: AnthropicErrorType; message: string };
  request_id: string;
}

export function anthropicError(type: AnthropicErrorType, message: string): AnthropicErrorBody {
  return { type: 'error', error: { type, message }, request_id: mockId('req_') };
}

export function anthropicErrorResponse(type: AnthropicErrorType, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(anthropicError(type, message), { status: ANTHROPIC_ERROR_STATUS[type], headers });
}

/** anthropic-ratelimit-* headers; resets are RFC 3339 instants. */
export function anthropicRateLimitHeaders(remainingRequests = 3_999): Record<string, string> {
  const reset = new Date(Date.now() + (remainingRequests === 0 ? 1_000 : 60_000)).toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    'anthropic-ratelimit-requests-limit': '4000',
    'anthropic-ratelimit-requests-remaining': String(remainingRequests),
    'anthropic-ratelimit-requests-reset': reset,
    'anthropic-ratelimit-tokens-limit': '400000',
    'anthropic-ratelimit-tokens-remaining': '399000',
    'anthropic-ratelimit-tokens-reset': reset,
    'request-id': mockId('req_'),
  };
}

export const anthropicFaults: FaultDialect = {
  rateLimited: () =>
    anthropicErrorResponse('rate_limit_error', 'This request would exceed the rate limit for your organization of 4,000 requests per minute.', {
      ...anthropicRateLimitHeaders(0),
      ...RETRY_NOW,
    }),
  serverError: (variant) =>
    variant < 0.5 ? anthropicErrorResponse('overloaded_error', 'Overloaded', RETRY_NOW) : anthropicErrorResponse('api_error', 'Internal server error', RETRY_NOW),
  malformed: (variant, streaming) => {
    if (streaming) return sseResponse([{ event: 'ping', data: { type: 'ping' } }, { event: 'message_stop', data: { type: 'message_stop' } }]);
    return variant < 0.5 ? truncatedJson('{"id": "msg_') : Response.json({ id: mockId('msg_'), type: 'message', role: 'assistant' });
  },
};

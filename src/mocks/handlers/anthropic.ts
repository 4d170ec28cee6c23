// Anthropic Messages: echoes the last message (or forwards to MOCK_TARGET; or answers with the
// backend's mock_reply), answers a forced tool with an instance of its input schema as a
// tool_use block, insists on max_tokens and refuses a system role in `messages` as the real API
// does, and accepts both x-api-key and Authorization: Bearer.
import { HttpResponse } from 'msw';
import { forwardChat, type ChatTurn, type DownstreamFailure } from '../forward.js';
import type { MockOptions } from '../options.js';
import { post, type MockRoute } from '../router.js';
import { localOrigins, MOCK_PORTS } from '../ports.js';
import { mockRoute } from '../route.js';
import { mockAnswer } from '../answer.js';
import { mockReplyFor } from '../replies/registry.js';
import { anthropicMessagesRefusal, anthropicRefusal, forcedTool } from '../rules/anthropic.js';
import { promptTokenCount, roughTokenCount } from '../wire/common.js';
import { numberOf, shapeReply, stopsOf } from '../wire/reply.js';
import { sseResponse } from '../wire/sse.js';
import {
  anthropicErrorResponse,
  anthropicFaults,
  anthropicMessage,
  anthropicRateLimitHeaders,
  anthropicStreamEvents,
  type AnthropicErrorType,
  type AnthropicMessage,
} from '../wire/anthropic.js';
import { field, isRecord, readJsonObject, textOf } from './request.js';

export function anthropicRoutes(options: MockOptions = {}): MockRoute[] {
  const route = mockRoute(options, { dialect: anthropicFaults, streaming: (_request, body) => /"stream"\s*:\s*true/.test(body) });
  const origins = ['https://api.anthropic.com', ...localOrigins(MOCK_PORTS.anthropic)];
  return origins.map((origin) =>
    post(
      `${origin}/v1/messages`,
      route(async ({ request }) => {
        // Older clients send x-api-key, recent SDKs Authorization: Bearer.
        if (!request.headers.has('x-api-key') && !request.headers.has('authorization')) {
          return anthropicErrorResponse('authentication_error', 'x-api-key header is required');
        }
        const body = await readJsonObject(request);
        if (body === undefined) return anthropicErrorResponse('invalid_request_error', 'The request body is not valid JSON.');
        if (typeof body.model !== 'string' || body.model === '') return anthropicErrorResponse('invalid_request_error', 'model: Field required');
        const messages = body.messages;
        if (!Array.isArray(messages) || messages.length === 0) return anthropicErrorResponse('invalid_request_error', 'messages: Field required');
        if (typeof body.max_tokens !== 'number') return anthropicErrorResponse('invalid_request_error', 'max_tokens: Field required');
        const refusal = anthropicRefusal(body) ?? anthropicMessagesRefusal(messages);
        if (refusal) return anthropicErrorResponse('invalid_request_error', refusal);
        const tool = forcedTool(body);
        if (tool && 'refusal' in tool) return anthropicErrorResponse('invalid_request_error', tool.refusal);
        const turns: ChatTurn[] = messages.map((m: unknown) => ({ role: field(m, 'role') === 'assistant' ? 'assistant' : 'user', content: textOf(field(m, 'content')) }));
        const system = textOf(body.system);
        const answer =
          options.target && !mockReplyFor(request.url, String(body.model))
            ? await forwarded(options, body, system, turns, request.signal)
            : answered(request.url, body, system, turns, tool);
        if (answer instanceof Response) return answer;
        const headers = anthropicRateLimitHeaders();
        return body.stream === true ? sseResponse(anthropicStreamEvents(answer), { headers }) : HttpResponse.json(answer, { headers });
      }),
    ),
  );
}

/** mock_reply, a forced tool's input, or the echo of the last turn. */
function answered(url: string, body: Record<string, unknown>, system: string, turns: ChatTurn[], tool: { name: string; schema: Record<string, unknown> } | undefined): AnthropicMessage | Response {
  const conversation: ChatTurn[] = [...(system ? [{ role: 'system' as const, content: system }] : []), ...turns];
  const format = tool && { kind: 'schema' as const, schema: tool.schema };
  const answer = mockAnswer({ url, model: String(body.model), messages: conversation, format, body }, () => turns.at(-1)?.content ?? '');
  if (!answer.ok) return anthropicErrorResponse('invalid_request_error', answer.message);
  const inputTokens = promptTokenCount([system, ...turns.map((t) => t.content)]);
  if (tool) {
    const input = objectIn(answer.text);
    if (input === undefined) return anthropicErrorResponse('invalid_request_error', `evalmatrix mock: the answer must be a JSON object for the forced tool "${tool.name}", got: ${answer.text.slice(0, 200)}`);
    return anthropicMessage({ model: String(body.model), text: '', inputTokens, outputTokens: roughTokenCount(answer.text), toolUse: { name: tool.name, input } });
  }
  const reply = shapeReply(answer.text, { maxTokens: numberOf(body.max_tokens), stop: stopsOf(body.stop_sequences) });
  return anthropicMessage({
    model: String(body.model),
    text: reply.text,
    inputTokens,
    stopReason: reply.ended === 'stop_sequence' ? 'stop_sequence' : reply.ended === 'length' ? 'max_tokens' : 'end_turn',
    stopSequence: reply.matched ?? null,
  });
}

function objectIn(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

async function forwarded(options: MockOptions, body: Record<string, unknown>, system: string, turns: ChatTurn[], signal: AbortSignal): Promise<AnthropicMessage | Response> {
  const answer = await forwardChat(
    options.target!,
    {
      model: String(body.model),
      messages: [...(system ? [{ role: 'system' as const, content: system }] : []), ...turns],
      max_tokens: numberOf(body.max_tokens),
      temperature: numberOf(body.temperature),
      top_p: numberOf(body.top_p),
      stop: stopsOf(body.stop_sequences),
    },
    signal,
  );
  if (!answer.ok) return anthropicErrorResponse(ERROR_TYPE[answer.failure], answer.message);
  return anthropicMessage({
    model: String(body.model),
    text: answer.text,
    inputTokens: answer.promptTokens,
    outputTokens: answer.completionTokens,
    stopReason: answer.finish === 'length' ? 'max_tokens' : 'end_turn',
  });
}

/** Each downstream failure as the Anthropic error type that says it. */
const ERROR_TYPE: Record<DownstreamFailure, AnthropicErrorType> = {
  rate_limited: 'rate_limit_error',
  unauthenticated: 'authentication_error',
  forbidden: 'permission_error',
  not_found: 'not_found_error',
  invalid: 'invalid_request_error',
  unavailable: 'overloaded_error',
  internal: 'api_error',
};

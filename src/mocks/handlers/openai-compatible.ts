// One mock for every OpenAI-compatible endpoint (OpenAI, Grok, Kimi, Gemini's OpenAI route):
// they differ in where they answer, how they word the echo, which parameters they refuse and
// where a stream carries its usage. A backend's mock_reply or a response_format changes what
// they answer (answer.ts).
import { HttpResponse } from 'msw';
import type { MockOptions } from '../options.js';
import { post, type MockRoute } from '../router.js';
import { mockRoute } from '../route.js';
import { openAIRefusal, type OpenAIFamily } from '../rules/openai-compatible.js';
import { promptTokenCount } from '../wire/common.js';
import { numberOf, shapeReply, stopsOf } from '../wire/reply.js';
import { sseResponse } from '../wire/sse.js';
import {
  openAIChatCompletion,
  openAIError,
  openAIFaults,
  openAIRateLimitHeaders,
  openAIStreamEvents,
  type OpenAIErrorBody,
} from '../wire/openai.js';
import { mockAnswer } from '../answer.js';
import type { ChatTurn } from '../forward.js';
import type { RequestedFormat } from '../structured.js';
import { field, isRecord, readJsonObject, textOf } from './request.js';

export interface OpenAICompatibleMock {
  /** Bases the mock answers at; `/chat/completions` is appended to each. */
  bases: string[];
  /** The assistant's reply, from the requested model and the last message's text. */
  reply(model: string, lastMessage: string): string;
  /** Whose parameter rules to enforce (default: only the limits every compatible server has). */
  family?: OpenAIFamily;
  /** Moonshot streams usage inside the last choice rather than in a chunk of its own. */
  streamUsage?: 'final_chunk' | 'in_choice';
}

export function openAICompatibleRoutes(mock: OpenAICompatibleMock, options: MockOptions = {}): MockRoute[] {
  const route = mockRoute(options, { dialect: openAIFaults, streaming: (_request, body) => /"stream"\s*:\s*true/.test(body) });
  return mock.bases.map((base) =>
    post(
      `${base}/chat/completions`,
      route(async ({ request }) => {
        if (!request.headers.has('authorization')) {
          return fail(401, openAIError("You didn't provide an API key. Send it in an Authorization header using Bearer auth (Authorization: Bearer YOUR_KEY)."));
        }
        const body = await readJsonObject(request);
        if (body === undefined) return fail(400, openAIError('We could not parse the JSON body of your request.'));
        if (typeof body.model !== 'string' || body.model === '') {
          return fail(400, openAIError("Missing required parameter: 'model'.", { param: 'model', code: 'missing_required_parameter' }));
        }
        const messages = body.messages;
        if (!Array.isArray(messages) || messages.length === 0) {
          return fail(400, openAIError("Missing required parameter: 'messages'.", { param: 'messages', code: 'missing_required_parameter' }));
        }
        const refusal = openAIRefusal(mock.family ?? 'compatible', body);
        if (refusal) return fail(400, openAIError(refusal.message, { param: refusal.param, code: refusal.code }));
        const turns = chatTurns(messages);
        const texts = turns.map((t) => t.content);
        const answer = mockAnswer({ url: request.url, model: body.model, messages: turns, format: requestedFormat(body.response_format), body }, () =>
          mock.reply(String(body.model), texts.at(-1) ?? ''),
        );
        if (!answer.ok) return fail(400, openAIError(answer.message));
        const reply = shapeReply(answer.text, {
          maxTokens: numberOf(body.max_completion_tokens) ?? numberOf(body.max_tokens),
          stop: stopsOf(body.stop),
        });
        const completion = openAIChatCompletion({
          model: body.model,
          content: reply.text,
          promptTokens: promptTokenCount(texts),
          finishReason: reply.ended === 'length' ? 'length' : 'stop',
        });
        const headers = openAIRateLimitHeaders();
        if (body.stream !== true) return HttpResponse.json(completion, { headers });
        const wantsUsage = field(body.stream_options, 'include_usage') === true;
        const usage = mock.streamUsage === 'in_choice' ? 'in_choice' : wantsUsage ? 'final_chunk' : 'none';
        return sseResponse(openAIStreamEvents(completion, usage), { headers });
      }),
    ),
  );
}

function fail(status: number, body: OpenAIErrorBody) {
  return HttpResponse.json(body, { status });
}

function chatTurns(messages: unknown[]): ChatTurn[] {
  return messages.map((m) => {
    const role = field(m, 'role');
    return { role: role === 'system' || role === 'developer' ? 'system' : role === 'assistant' ? 'assistant' : 'user', content: textOf(field(m, 'content')) };
  });
}

/** `response_format`: json_object, or json_schema with its schema. */
function requestedFormat(format: unknown): RequestedFormat | undefined {
  if (field(format, 'type') === 'json_object') return { kind: 'json' };
  const schema = field(field(format, 'json_schema'), 'schema');
  return field(format, 'type') === 'json_schema' && isRecord(schema) ? { kind: 'schema', schema } : undefined;
}

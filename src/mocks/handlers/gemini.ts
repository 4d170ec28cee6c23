// Gemini: generateContent and streamGenerateContent under v1 and v1beta, echoing the last user
// text (or forwarding to MOCK_TARGET; or answering with the backend's mock_reply, or JSON when
// responseMimeType asks for it), plus the seed layout's OpenAI-compatible route on the local port.
import { HttpResponse } from 'msw';
import { forwardChat, type ChatTurn, type DownstreamFailure } from '../forward.js';
import type { MockOptions } from '../options.js';
import { post, type MockRoute } from '../router.js';
import { localOrigins, MOCK_PORTS } from '../ports.js';
import { mockRoute } from '../route.js';
import { mockAnswer } from '../answer.js';
import { mockReplyFor } from '../replies/registry.js';
import { geminiRefusal } from '../rules/gemini.js';
import type { RequestedFormat } from '../structured.js';
import { promptTokenCount } from '../wire/common.js';
import { numberOf, shapeReply, stopsOf } from '../wire/reply.js';
import { sseResponse } from '../wire/sse.js';
import { geminiErrorResponse, geminiFaults, geminiResponse, geminiStreamChunks, type GeminiErrorStatus, type GeminiResponse } from '../wire/gemini.js';
import { openAICompatibleRoutes } from './openai-compatible.js';
import { field, isRecord, readJsonObject, textOf } from './request.js';

export function geminiRoutes(options: MockOptions = {}): MockRoute[] {
  const route = mockRoute(options, { dialect: geminiFaults, streaming: (request) => request.url.includes(':streamGenerateContent') });
  const local = localOrigins(MOCK_PORTS.gemini);
  const generate = ['https://generativelanguage.googleapis.com', ...local].flatMap((origin) =>
    ['v1', 'v1beta'].flatMap((version) =>
      // The escaped colon is a literal ":" inside the segment (`gemini-2.0-flash:generateContent`),
      // so other methods of the model stay unmatched.
      (['generateContent', 'streamGenerateContent'] as const).map((method) =>
        post(
          `${origin}/${version}/models/:model\\:${method}`,
          route(async ({ request, params }) => {
            if (!request.headers.has('x-goog-api-key') && !new URL(request.url).searchParams.has('key')) {
              // What Google answers a call without a key: 403, not 401.
              return geminiErrorResponse(
                'PERMISSION_DENIED',
                "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
              );
            }
            const body = await readJsonObject(request);
            if (body === undefined) return geminiErrorResponse('INVALID_ARGUMENT', 'Invalid JSON payload received.');
            const contents = body.contents;
            if (!Array.isArray(contents) || contents.length === 0) {
              return geminiErrorResponse('INVALID_ARGUMENT', '* GenerateContentRequest.contents: contents is not specified');
            }
            const refusal = geminiRefusal(body);
            if (refusal) return geminiErrorResponse('INVALID_ARGUMENT', refusal);
            // A turn without a role is the user's, as in the API.
            const turns: ChatTurn[] = contents.map((turn: unknown) => ({
              role: field(turn, 'role') === 'model' ? 'assistant' : 'user',
              content: textOf(field(turn, 'parts')),
            }));
            const system = textOf(field(body.systemInstruction, 'parts'));
            const model = String(params.model);
            const answer =
              options.target && !mockReplyFor(request.url, model)
                ? await forwarded(options, model, body, system, turns, request.signal)
                : answered(request.url, model, body, system, turns);
            if (answer instanceof Response) return answer;
            if (method === 'generateContent') return HttpResponse.json(answer);
            const chunks = geminiStreamChunks(answer);
            // Without alt=sse the stream is one JSON array, written as it grows.
            return new URL(request.url).searchParams.get('alt') === 'sse' ? sseResponse(chunks.map((data) => ({ data }))) : HttpResponse.json(chunks);
          }),
        ),
      ),
    ),
  );
  const openAIRoute = openAICompatibleRoutes({ bases: local.map((origin) => `${origin}/v1`), reply: (_model, text) => text }, options);
  return [...generate, ...openAIRoute];
}

/** mock_reply, a JSON answer when the request asks for one, or the echo of the last user turn. */
function answered(url: string, model: string, body: Record<string, unknown>, system: string, turns: ChatTurn[]): GeminiResponse | Response {
  const config = body.generationConfig;
  const conversation: ChatTurn[] = [...(system ? [{ role: 'system' as const, content: system }] : []), ...turns];
  const answer = mockAnswer({ url, model, messages: conversation, format: requestedFormat(config), body }, () => turns.findLast((t) => t.role === 'user')?.content ?? '');
  if (!answer.ok) return geminiErrorResponse('INVALID_ARGUMENT', answer.message);
  const reply = shapeReply(answer.text, { maxTokens: numberOf(field(config, 'maxOutputTokens')), stop: stopsOf(field(config, 'stopSequences')) });
  return geminiResponse({
    model,
    text: reply.text,
    promptTokens: promptTokenCount([system, ...turns.map((t) => t.content)]),
    finishReason: reply.ended === 'length' ? 'MAX_TOKENS' : 'STOP',
  });
}

/** responseMimeType application/json, with responseJsonSchema (or the older responseSchema) when given. */
function requestedFormat(config: unknown): RequestedFormat | undefined {
  if (field(config, 'responseMimeType') !== 'application/json') return undefined;
  const schema = field(config, 'responseJsonSchema') ?? field(config, 'responseSchema');
  return isRecord(schema) ? { kind: 'schema', schema } : { kind: 'json' };
}

async function forwarded(
  options: MockOptions,
  model: string,
  body: Record<string, unknown>,
  system: string,
  turns: ChatTurn[],
  signal: AbortSignal,
): Promise<GeminiResponse | Response> {
  const config = body.generationConfig;
  const answer = await forwardChat(
    options.target!,
    {
      model,
      messages: [...(system ? [{ role: 'system' as const, content: system }] : []), ...turns],
      max_tokens: numberOf(field(config, 'maxOutputTokens')),
      temperature: numberOf(field(config, 'temperature')),
      top_p: numberOf(field(config, 'topP')),
      stop: stopsOf(field(config, 'stopSequences')),
    },
    signal,
  );
  if (!answer.ok) return geminiErrorResponse(STATUS[answer.failure], answer.message);
  return geminiResponse({
    model,
    text: answer.text,
    promptTokens: answer.promptTokens,
    candidatesTokens: answer.completionTokens,
    finishReason: answer.finish === 'length' ? 'MAX_TOKENS' : 'STOP',
  });
}

/** Each downstream failure as the Google status that says it. */
const STATUS: Record<DownstreamFailure, GeminiErrorStatus> = {
  rate_limited: 'RESOURCE_EXHAUSTED',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'PERMISSION_DENIED',
  not_found: 'NOT_FOUND',
  invalid: 'INVALID_ARGUMENT',
  unavailable: 'UNAVAILABLE',
  internal: 'INTERNAL',
};

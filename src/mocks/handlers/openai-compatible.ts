// One mock for every OpenAI-compatible endpoint (OpenAI, Grok, Kimi, Gemini's OpenAI route):
// they differ only in where they answer and how they word the reply.
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { MockOptions } from '../options.js';
import { roughTokenCount } from '../wire/common.js';
import { openAIChatCompletion, openAIError, type OpenAIErrorBody } from '../wire/openai.js';
import { field, readJsonObject, simulateLatency, textOf } from './request.js';

export interface OpenAICompatibleMock {
  /** Bases the mock answers at; `/chat/completions` is appended to each. */
  bases: string[];
  /** The assistant's reply, from the requested model and the last message's text. */
  reply(model: string, lastMessage: string): string;
}

export function openAICompatibleHandlers(mock: OpenAICompatibleMock, options: MockOptions = {}): HttpHandler[] {
  return mock.bases.map((base) =>
    http.post(`${base}/chat/completions`, async ({ request }) => {
      await simulateLatency(options.latencyMs);
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
      const texts = messages.map((m: unknown) => textOf(field(m, 'content')));
      return HttpResponse.json(
        openAIChatCompletion({
          model: body.model,
          content: mock.reply(body.model, texts.at(-1) ?? ''),
          promptTokens: roughTokenCount(texts.join('\n')),
        }),
      );
    }),
  );
}

function fail(status: number, body: OpenAIErrorBody) {
  return HttpResponse.json(body, { status });
}

// Anthropic Messages: echoes the last message, and insists on max_tokens as the real API does.
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { MockOptions } from '../options.js';
import { localOrigins, MOCK_PORTS } from '../ports.js';
import { roughTokenCount } from '../wire/common.js';
import { ANTHROPIC_ERROR_STATUS, anthropicError, anthropicMessage, type AnthropicErrorType } from '../wire/anthropic.js';
import { field, readJsonObject, simulateLatency, textOf } from './request.js';

export function anthropicHandlers(options: MockOptions = {}): HttpHandler[] {
  const origins = ['https://api.anthropic.com', ...localOrigins(MOCK_PORTS.anthropic)];
  return origins.map((origin) =>
    http.post(`${origin}/v1/messages`, async ({ request }) => {
      await simulateLatency(options.latencyMs);
      // Older clients send x-api-key, recent SDKs Authorization: Bearer.
      if (!request.headers.has('x-api-key') && !request.headers.has('authorization')) {
        return fail('authentication_error', 'x-api-key header is required');
      }
      const body = await readJsonObject(request);
      if (body === undefined) return fail('invalid_request_error', 'The request body is not valid JSON.');
      if (typeof body.model !== 'string' || body.model === '') return fail('invalid_request_error', 'model: Field required');
      const messages = body.messages;
      if (!Array.isArray(messages) || messages.length === 0) return fail('invalid_request_error', 'messages: Field required');
      if (typeof body.max_tokens !== 'number') return fail('invalid_request_error', 'max_tokens: Field required');
      const texts = messages.map((m: unknown) => textOf(field(m, 'content')));
      return HttpResponse.json(
        anthropicMessage({
          model: body.model,
          text: texts.at(-1) ?? '',
          inputTokens: roughTokenCount([textOf(body.system), ...texts].join('\n')),
        }),
      );
    }),
  );
}

function fail(type: AnthropicErrorType, message: string) {
  return HttpResponse.json(anthropicError(type, message), { status: ANTHROPIC_ERROR_STATUS[type] });
}

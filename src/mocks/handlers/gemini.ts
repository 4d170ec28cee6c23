// Gemini: generateContent under v1 and v1beta, echoing the last user text, plus the seed
// layout's OpenAI-compatible route on the local port.
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { MockOptions } from '../options.js';
import { localOrigins, MOCK_PORTS } from '../ports.js';
import { roughTokenCount } from '../wire/common.js';
import { geminiError, geminiResponse, type GeminiErrorStatus } from '../wire/gemini.js';
import { openAICompatibleHandlers } from './openai-compatible.js';
import { field, readJsonObject, simulateLatency, textOf } from './request.js';

export function geminiHandlers(options: MockOptions = {}): HttpHandler[] {
  const local = localOrigins(MOCK_PORTS.gemini);
  const generate = ['https://generativelanguage.googleapis.com', ...local].flatMap((origin) =>
    ['v1', 'v1beta'].map((version) =>
      // The escaped colon is a literal ":" inside the segment (`gemini-2.0-flash:generateContent`),
      // so `:streamGenerateContent` and other methods stay unmatched.
      http.post(`${origin}/${version}/models/:model\\:generateContent`, async ({ request, params }) => {
        await simulateLatency(options.latencyMs);
        if (!request.headers.has('x-goog-api-key') && !new URL(request.url).searchParams.has('key')) {
          // What Google answers a call without a key: 403, not 401.
          return fail(
            'PERMISSION_DENIED',
            "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
          );
        }
        const body = await readJsonObject(request);
        if (body === undefined) return fail('INVALID_ARGUMENT', 'Invalid JSON payload received.');
        const contents = body.contents;
        if (!Array.isArray(contents) || contents.length === 0) {
          return fail('INVALID_ARGUMENT', '* GenerateContentRequest.contents: contents is not specified');
        }
        // A turn without a role is the user's, as in the API.
        const lastUser = contents.findLast((turn: unknown) => field(turn, 'role') !== 'model');
        const texts = [field(body.systemInstruction, 'parts'), ...contents.map((turn: unknown) => field(turn, 'parts'))].map(textOf);
        return HttpResponse.json(
          geminiResponse({
            model: String(params.model),
            text: textOf(field(lastUser, 'parts')),
            promptTokens: roughTokenCount(texts.join('\n')),
          }),
        );
      }),
    ),
  );
  const openAIRoute = openAICompatibleHandlers({ bases: local.map((origin) => `${origin}/v1`), reply: (_model, text) => text }, options);
  return [...generate, ...openAIRoute];
}

function fail(status: GeminiErrorStatus, message: string) {
  const body = geminiError(status, message);
  return HttpResponse.json(body, { status: body.error.code });
}

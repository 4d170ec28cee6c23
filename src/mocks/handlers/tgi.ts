// Text Generation Inference's native routes, /generate and /generate_stream: echoes the
// prompt (or answers with the backend's mock_reply, or an instance of a json grammar's schema)
// with TGI's validation, headers and finish reasons. No key needed, as a local TGI.
import { HttpResponse } from 'msw';
import type { MockOptions } from '../options.js';
import { post, type MockRoute } from '../router.js';
import { localOrigins, SELF_HOSTED_MOCK_PORTS } from '../ports.js';
import { mockRoute } from '../route.js';
import { tgiRefusal } from '../rules/tgi.js';
import { roughTokenCount } from '../wire/common.js';
import { numberOf, shapeReply, stopsOf } from '../wire/reply.js';
import { sseResponse } from '../wire/sse.js';
import { TGI_DATA_PREFIX, tgiError, tgiFaults, tgiGenerateResponse, tgiHeaders, tgiStreamEvents } from '../wire/tgi.js';
import { mockAnswer } from '../answer.js';
import { field, isRecord, readJsonObject } from './request.js';

export function tgiRoutes(options: MockOptions = {}): MockRoute[] {
  const route = mockRoute(options, { dialect: tgiFaults, streaming: (request) => request.url.endsWith('/generate_stream') });
  return localOrigins(SELF_HOSTED_MOCK_PORTS.tgi).flatMap((origin) =>
    (['generate', 'generate_stream'] as const).map((path) =>
      post(
        `${origin}/${path}`,
        route(async ({ request }) => {
          const body = await readJsonObject(request);
          if (body === undefined) return tgiError(422, 'validation', 'Failed to parse the request body as JSON');
          const refusal = tgiRefusal(body);
          if (refusal) return tgiError(422, 'validation', refusal);
          const inputs = String(body.inputs);
          const seed = numberOf(field(body.parameters, 'seed')) ?? null;
          const grammar = field(body.parameters, 'grammar');
          const schema = field(grammar, 'type') === 'json' ? field(grammar, 'value') : undefined;
          const format = isRecord(schema) ? { kind: 'schema' as const, schema } : undefined;
          const mocked = mockAnswer({ url: request.url, model: undefined, messages: [{ role: 'user', content: inputs }], format, body }, () => inputs);
          if (!mocked.ok) return tgiError(422, 'validation', mocked.message);
          const reply = shapeReply(mocked.text, { maxTokens: numberOf(field(body.parameters, 'max_new_tokens')), stop: stopsOf(field(body.parameters, 'stop')) });
          const finish = reply.ended === 'stop' ? 'eos_token' : reply.ended;
          const answer = tgiGenerateResponse(reply.text, finish, reply.tokens, seed);
          const headers = tgiHeaders(roughTokenCount(inputs), reply.tokens);
          if (path === 'generate') return HttpResponse.json(answer, { headers });
          return sseResponse(tgiStreamEvents(answer), { headers, dataPrefix: TGI_DATA_PREFIX });
        }),
      ),
    ),
  );
}

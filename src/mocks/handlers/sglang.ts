// SGLang's native /generate: echoes the prompt in `{text, meta_info}` (or answers with the
// backend's mock_reply, or an instance of sampling_params.json_schema), streamed when asked.
// No key needed, as a local SGLang server.
import { HttpResponse } from 'msw';
import type { MockOptions } from '../options.js';
import { post, type MockRoute } from '../router.js';
import { localOrigins, SELF_HOSTED_MOCK_PORTS } from '../ports.js';
import { mockRoute } from '../route.js';
import { roughTokenCount } from '../wire/common.js';
import { numberOf, shapeReply, stopsOf } from '../wire/reply.js';
import { sseResponse } from '../wire/sse.js';
import { sglangError, sglangFaults, sglangResponse, sglangStreamEvents } from '../wire/sglang.js';
import { mockAnswer } from '../answer.js';
import type { RequestedFormat } from '../structured.js';
import { field, isRecord, readJsonObject } from './request.js';

export function sglangRoutes(options: MockOptions = {}): MockRoute[] {
  const route = mockRoute(options, { dialect: sglangFaults, streaming: (_request, body) => /"stream"\s*:\s*true/.test(body) });
  return localOrigins(SELF_HOSTED_MOCK_PORTS.sglang).map((origin) =>
    post(
      `${origin}/generate`,
      route(async ({ request }) => {
        const body = await readJsonObject(request);
        if (body === undefined) return sglangError(400, 'The request body is not valid JSON.');
        if (typeof body.text !== 'string') return sglangError(400, 'Either text, input_ids or input_embeds should be provided.');
        const params = body.sampling_params;
        const mocked = mockAnswer({ url: request.url, model: undefined, messages: [{ role: 'user', content: body.text }], format: requestedFormat(field(params, 'json_schema')), body }, () => String(body.text));
        if (!mocked.ok) return sglangError(400, mocked.message);
        const reply = shapeReply(mocked.text, { maxTokens: numberOf(field(params, 'max_new_tokens')), stop: stopsOf(field(params, 'stop')) });
        const finish = reply.ended === 'length' ? { type: 'length' as const, length: reply.tokens } : { type: 'stop' as const, ...(reply.matched ? { matched: reply.matched } : {}) };
        const answer = sglangResponse(reply.text, finish, roughTokenCount(body.text), reply.tokens);
        return body.stream === true ? sseResponse(sglangStreamEvents(answer)) : HttpResponse.json(answer);
      }),
    ),
  );
}

/** sampling_params.json_schema is the schema as a JSON string. */
function requestedFormat(jsonSchema: unknown): RequestedFormat | undefined {
  if (typeof jsonSchema !== 'string') return undefined;
  try {
    const schema: unknown = JSON.parse(jsonSchema);
    return isRecord(schema) ? { kind: 'schema', schema } : undefined;
  } catch {
    return undefined;
  }
}

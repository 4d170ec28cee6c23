// SGLang's native /generate: echoes the prompt in `{text, meta_info}`, streamed when asked.
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
import { field, readJsonObject } from './request.js';

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
        const reply = shapeReply(body.text, { maxTokens: numberOf(field(params, 'max_new_tokens')), stop: stopsOf(field(params, 'stop')) });
        const finish = reply.ended === 'length' ? { type: 'length' as const, length: reply.tokens } : { type: 'stop' as const, ...(reply.matched ? { matched: reply.matched } : {}) };
        const answer = sglangResponse(reply.text, finish, roughTokenCount(body.text), reply.tokens);
        return body.stream === true ? sseResponse(sglangStreamEvents(answer)) : HttpResponse.json(answer);
      }),
    ),
  );
}

// SGLang's native /generate: `{text, sampling_params}` in, `{text, meta_info}` out. Streamed,
// each event carries the text so far (not a delta) and `data: [DONE]` ends it. The messages go
// as one prompt text (prompt-text.ts); a response format becomes `sampling_params.json_schema`.
import type { ClientSettings } from './client-settings.js';
import { isRecord, tokenCount } from './body.js';
import { malformedResponse } from './error-mapping.js';
import { bearer, joinUrl, parseEventData, postJson, postStream } from './http.js';
import type { SGLangSamplingParams } from './parameters/sglang.js';
import { promptText } from './prompt-text.js';
import { definedOnly, type Completion, type Protocol, type Send } from './protocol.js';
import { sglangJsonSchema } from './structured/self-hosted.js';
import type { ChatMessage } from './types.js';

export function sglangProtocol(settings: ClientSettings, sampling: SGLangSamplingParams): Protocol {
  const url = joinUrl(settings.apiBase, 'generate');
  const headers = bearer(settings.apiKey);
  return {
    plan(format) {
      const parameters = definedOnly({ sampling_params: { ...sampling, ...sglangJsonSchema(format) }, ...(settings.stream ? { stream: true } : {}) });
      const body = (messages: ChatMessage[]) => ({ text: promptText(messages), ...parameters });
      const send: Send = settings.stream
        ? async (messages, { signal, firstToken }) => {
            const { events } = await postStream(settings, { url, body: body(messages), headers, signal });
            let last: unknown;
            let text = '';
            for await (const { data } of events) {
              if (data.trim() === '[DONE]') break;
              last = parseEventData(data, settings);
              if (!isRecord(last) || typeof last.text !== 'string') throw malformedResponse('missing text in a stream event', settings);
              // The text so far; servers started with --incremental-streaming-output send deltas instead.
              text = last.text.startsWith(text) ? last.text : text + last.text;
              if (text !== '') firstToken();
            }
            if (last === undefined) throw malformedResponse('the stream ended without an event', settings);
            return read({ ...(last as Record<string, unknown>), text }, settings);
          }
        : async (messages, { signal }) => read((await postJson(settings, { url, body: body(messages), headers, signal })).body, settings);
      return { parameters, adjustments: [], send };
    },
  };
}

function read(body: unknown, settings: ClientSettings): Completion {
  if (!isRecord(body)) throw malformedResponse('the body is not a JSON object', settings);
  if (typeof body.text !== 'string') throw malformedResponse('missing text', settings);
  const meta = isRecord(body.meta_info) ? body.meta_info : {};
  // {type: "stop" | "length" | "abort", matched?} in recent versions, a plain string in older ones.
  const finish = isRecord(meta.finish_reason) ? meta.finish_reason.type : meta.finish_reason;
  return {
    model: settings.model,
    text: body.text,
    finish_reason: typeof finish === 'string' ? finish : null,
    usage: { prompt_tokens: tokenCount(meta.prompt_tokens), completion_tokens: tokenCount(meta.completion_tokens) },
  };
}

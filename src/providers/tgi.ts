// Text Generation Inference's native routes: /generate answers `{generated_text, details}`,
// /generate_stream sends one event per token and the whole text with the details at the end.
// TGI names no model and counts the prompt only in its `x-prompt-tokens` header. The messages
// go as one prompt text (prompt-text.ts); a response format becomes `parameters.grammar`.
import type { ClientSettings } from './client-settings.js';
import { isRecord, tokenCount } from './body.js';
import { httpError, malformedResponse } from './error-mapping.js';
import { bearer, joinUrl, parseEventData, postJson, postStream } from './http.js';
import type { TGIWireParameters } from './parameters/tgi.js';
import { promptText } from './prompt-text.js';
import { definedOnly, type Completion, type Protocol, type Send } from './protocol.js';
import { tgiGrammar } from './structured/self-hosted.js';
import type { ChatMessage } from './types.js';

export function tgiProtocol(settings: ClientSettings, wire: TGIWireParameters): Protocol {
  const headers = bearer(settings.apiKey);
  return {
    plan(format) {
      const parameters = definedOnly({ parameters: { ...wire, ...tgiGrammar(format) } });
      const body = (messages: ChatMessage[]) => ({ inputs: promptText(messages), ...parameters });
      const send: Send = settings.stream ? streamed(settings, headers, body) : plain(settings, headers, body);
      return { parameters, adjustments: [], send };
    },
  };
}

type Body = (messages: ChatMessage[]) => Record<string, unknown>;

function plain(settings: ClientSettings, headers: Record<string, string>, body: Body): Send {
  const url = joinUrl(settings.apiBase, 'generate');
  return async (messages, { signal }) => {
    const { body: answer, headers: answered } = await postJson(settings, { url, body: body(messages), headers, signal });
    if (!isRecord(answer)) throw malformedResponse('the body is not a JSON object', settings);
    if (typeof answer.generated_text !== 'string') throw malformedResponse('missing generated_text', settings);
    return completion(settings, answer.generated_text, answer.details, answered);
  };
}

function streamed(settings: ClientSettings, headers: Record<string, string>, body: Body): Send {
  const url = joinUrl(settings.apiBase, 'generate_stream');
  return async (messages, { signal, firstToken }) => {
    const { events, headers: answered } = await postStream(settings, { url, body: body(messages), headers, signal });
    let text = '';
    let whole: string | undefined;
    let details: unknown;
    for await (const { data } of events) {
      const event = parseEventData(data, settings);
      if (!isRecord(event)) throw malformedResponse('a stream event is not a JSON object', settings);
      // A failure after the stream began arrives as an event, not as a status.
      if (typeof event.error === 'string') throw httpError(500, `${event.error} (sent in the stream)`, settings);
      if (!isRecord(event.token)) throw malformedResponse('missing token in a stream event', settings);
      if (event.token.special !== true && typeof event.token.text === 'string' && event.token.text !== '') {
        firstToken();
        text += event.token.text;
      }
      if (typeof event.generated_text === 'string') whole = event.generated_text;
      if (isRecord(event.details)) details = event.details;
    }
    return completion(settings, whole ?? text, details, answered);
  };
}

function completion(settings: ClientSettings, text: string, details: unknown, headers: Headers): Completion {
  const detail = isRecord(details) ? details : {};
  return {
    model: settings.model,
    text,
    finish_reason: typeof detail.finish_reason === 'string' ? detail.finish_reason : null,
    usage: {
      prompt_tokens: tokenCount(Number(headers.get('x-prompt-tokens') ?? Number.NaN)),
      completion_tokens: tokenCount(detail.generated_tokens ?? Number(headers.get('x-generated-tokens') ?? Number.NaN)),
    },
  };
}

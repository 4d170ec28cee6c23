// Anthropic Messages through the official SDK. System messages travel in `system`, not in
// `messages`; the parameter rules have already supplied max_tokens.
import Anthropic from '@anthropic-ai/sdk';
import type { ChatMessage } from './types.js';
import type { ClientSettings } from './client-settings.js';
import { isRecord, reportedModel, tokenCount } from './body.js';
import { malformedResponse } from './error-mapping.js';
import type { AnthropicWireParameters } from './parameters/anthropic.js';
import type { Completion, Protocol } from './protocol.js';

export function anthropicProtocol(settings: ClientSettings, wire: AnthropicWireParameters): Protocol {
  const sdk = new Anthropic({ apiKey: settings.apiKey, baseURL: settings.apiBase, timeout: settings.timeoutMs, maxRetries: 0 });
  const request = (all: ChatMessage[]) => {
    const { system, messages } = splitSystem(all);
    return { model: settings.model, messages, ...(system === undefined ? {} : { system }), ...wire };
  };
  if (!settings.stream) {
    return async (messages, { signal }) => readMessage(await sdk.messages.create(request(messages), { signal }), settings);
  }
  return async (messages, { signal, firstToken }) => {
    const stream = await sdk.messages.create({ ...request(messages), stream: true }, { signal });
    return readStream(stream as AsyncIterable<unknown>, settings, firstToken);
  };
}

function splitSystem(all: ChatMessage[]) {
  const system = all.filter((m) => m.role === 'system').map((m) => m.content);
  const messages = all.flatMap((m) => (m.role === 'system' ? [] : [{ role: m.role, content: m.content }]));
  return { system: system.length > 0 ? system.join('\n\n') : undefined, messages };
}

function readMessage(body: unknown, settings: ClientSettings): Completion {
  if (!isRecord(body)) throw malformedResponse('the body is not a JSON object', settings);
  if (!Array.isArray(body.content)) throw malformedResponse('missing content', settings);
  const text = body.content
    .filter((block): block is { type: 'text'; text: string } => isRecord(block) && block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text)
    .join('');
  const usage = isRecord(body.usage) ? body.usage : {};
  return {
    model: reportedModel(body.model, settings.model),
    text,
    finish_reason: typeof body.stop_reason === 'string' ? body.stop_reason : null,
    usage: { prompt_tokens: tokenCount(usage.input_tokens), completion_tokens: tokenCount(usage.output_tokens) },
  };
}

/** message_start (model, input tokens), text deltas, message_delta (stop reason, output tokens). */
async function readStream(events: AsyncIterable<unknown>, settings: ClientSettings, firstToken: () => void): Promise<Completion> {
  let started: Record<string, unknown> | undefined;
  let text = '';
  let finish: string | null = null;
  let inputTokens: unknown;
  let outputTokens: unknown;
  for await (const event of events) {
    if (!isRecord(event)) throw malformedResponse('a stream event is not a JSON object', settings);
    if (event.type === 'message_start' && isRecord(event.message)) {
      started = event.message;
      if (isRecord(started.usage)) ({ input_tokens: inputTokens, output_tokens: outputTokens } = started.usage);
    } else if (event.type === 'content_block_delta' && isRecord(event.delta) && typeof event.delta.text === 'string') {
      if (event.delta.text !== '') firstToken();
      text += event.delta.text;
    } else if (event.type === 'message_delta') {
      if (isRecord(event.delta) && typeof event.delta.stop_reason === 'string') finish = event.delta.stop_reason;
      if (isRecord(event.usage) && event.usage.output_tokens !== undefined) outputTokens = event.usage.output_tokens;
    }
  }
  if (started === undefined) throw malformedResponse('missing message_start in the stream', settings);
  return {
    model: reportedModel(started.model, settings.model),
    text,
    finish_reason: finish,
    usage: { prompt_tokens: tokenCount(inputTokens), completion_tokens: tokenCount(outputTokens) },
  };
}

// Anthropic Messages through the official SDK. System messages travel in `system`, not in
// `messages`; max_tokens is required, so it defaults when the config leaves it unset.
import Anthropic from '@anthropic-ai/sdk';
import type { ChatMessage, ChatRequest, ChatResult, ProviderClient } from './types.js';
import type { ClientSettings } from './client-settings.js';
import { isRecord, reportedModel, tokenCount } from './body.js';
import { malformedResponse } from './error-mapping.js';
import { anthropicParameters } from './parameters.js';
import { timedRequest } from './timed-request.js';

export function createAnthropicClient(settings: ClientSettings): ProviderClient {
  const sdk = new Anthropic({
    apiKey: settings.apiKey,
    baseURL: settings.apiBase,
    timeout: settings.timeoutMs,
    maxRetries: 0,
  });
  return {
    provider: settings.provider,
    model: settings.model,
    apiBase: settings.apiBase,
    async chat(request: ChatRequest): Promise<ChatResult> {
      const { system, messages } = splitSystem(request.messages);
      const { body, latency_ms } = await timedRequest(settings, request.signal, (signal) =>
        sdk.messages.create(
          {
            model: settings.model,
            messages,
            ...(system === undefined ? {} : { system }),
            ...anthropicParameters(settings.parameters),
          },
          { signal },
        ),
      );
      return { ...readMessage(body, settings), provider: settings.provider, latency_ms, attempts: 1 };
    },
  };
}

function splitSystem(all: ChatMessage[]) {
  const system = all.filter((m) => m.role === 'system').map((m) => m.content);
  const messages = all.flatMap((m) => (m.role === 'system' ? [] : [{ role: m.role, content: m.content }]));
  return { system: system.length > 0 ? system.join('\n\n') : undefined, messages };
}

function readMessage(body: unknown, settings: ClientSettings) {
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

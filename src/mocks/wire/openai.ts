// OpenAI chat completions wire shapes (also spoken by xAI, Moonshot and the Gemini mock's
// OpenAI route): the completion, its stream chunks, errors, rate-limit headers and faults.
import type { FaultDialect } from '../faults/dialect.js';
import { RETRY_NOW, truncatedJson } from '../faults/dialect.js';
import { mockId, roughTokenCount } from './common.js';
import type { MockEvent } from './sse.js';
import { sseResponse } from './sse.js';
import { textPieces } from './reply.js';

export interface OpenAIChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: Array<{ index: number; message: { role: 'assistant'; content: string }; finish_reason: string }>;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

export function openAIChatCompletion(init: {
  model: string;
  content: string;
  promptTokens: number;
  finishReason?: string;
}): OpenAIChatCompletion {
  const completionTokens = roughTokenCount(init.content);
  return {
    id: mockId('chatcmpl-'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: init.model,
    choices: [{ index: 0, message: { role: 'assistant', content: init.content }, finish_reason: init.finishReason ?? 'stop' }],
    usage: { prompt_tokens: init.promptTokens, completion_tokens: completionTokens, total_tokens: init.promptTokens + completionTokens },
  };
}

/**
 * The same completion as `chat.completion.chunk` events: a role chunk, a chunk a word, a
 * finish chunk, then usage in a last chunk with no choices (when the client asked for it with
 * stream_options.include_usage) — or, as Moonshot does, inside the finish chunk's choice.
 */
export function openAIStreamEvents(completion: OpenAIChatCompletion, usage: 'final_chunk' | 'in_choice' | 'none'): MockEvent[] {
  const { id, created, model } = completion;
  const choice = completion.choices[0]!;
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({ data: { id, object: 'chat.completion.chunk', created, model, choices, ...extra } });
  return [
    chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
    ...textPieces(choice.message.content).map((piece) => chunk([{ index: 0, delta: { content: piece }, finish_reason: null }])),
    chunk([{ index: 0, delta: {}, finish_reason: choice.finish_reason, ...(usage === 'in_choice' ? { usage: completion.usage } : {}) }]),
    ...(usage === 'final_chunk' ? [chunk([], { usage: completion.usage })] : []),
    { data: '[DONE]' },
  ];
}

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export function openAIError(
  message: string,
  details: { type?: string; param?: string | null; code?: string | null } = {},
): OpenAIErrorBody {
  return { error: { message, type: details.type ?? 'invalid_request_error', param: details.param ?? null, code: details.code ?? null } };
}

/** The x-ratelimit-* headers OpenAI-compatible services send with every answer. */
export function openAIRateLimitHeaders(remainingRequests = 9_999): Record<string, string> {
  return {
    'x-ratelimit-limit-requests': '10000',
    'x-ratelimit-remaining-requests': String(remainingRequests),
    'x-ratelimit-reset-requests': remainingRequests === 0 ? '1s' : '6ms',
    'x-ratelimit-limit-tokens': '2000000',
    'x-ratelimit-remaining-tokens': '1999000',
    'x-ratelimit-reset-tokens': '0s',
    'x-request-id': mockId('req_'),
  };
}

export const openAIFaults: FaultDialect = {
  rateLimited: () =>
    Response.json(
      openAIError('Rate limit reached for requests per min (RPM): Limit 10000, Used 10000, Requested 1. Please try again in 6ms.', {
        type: 'requests',
        code: 'rate_limit_exceeded',
      }),
      { status: 429, headers: { ...openAIRateLimitHeaders(0), ...RETRY_NOW } },
    ),
  serverError: (variant) =>
    variant < 0.5
      ? Response.json(openAIError('The server had an error while processing your request. Sorry about that!', { type: 'server_error' }), { status: 500, headers: RETRY_NOW })
      : Response.json(openAIError('The engine is currently overloaded, please try again later.', { type: 'server_error' }), { status: 503, headers: RETRY_NOW }),
  malformed: (variant, streaming) => {
    if (streaming) {
      return sseResponse([{ data: { id: mockId('chatcmpl-'), object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: 'm' } }, { data: '[DONE]' }]);
    }
    return variant < 0.5 ? truncatedJson('{"id": "chatcmpl-') : Response.json({ id: mockId('chatcmpl-'), object: 'chat.completion', created: Math.floor(Date.now() / 1000) });
  },
};

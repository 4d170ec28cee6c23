// SGLang's native /generate wire shapes: `{text, meta_info}`, streamed as the text so far,
// ending with `data: [DONE]`; errors as `{error: {message}}`; and faults.
import { RETRY_NOW, truncatedJson, type FaultDialect } from '../faults/dialect.js';
import { mockId } from './common.js';
import { textPieces } from './reply.js';
import { sseResponse, type MockEvent } from './sse.js';

export interface SGLangResponse {
  text: string;
  meta_info: {
    id: string;
    finish_reason: { type: 'stop' | 'length'; matched?: string | number; length?: number } | null;
    prompt_tokens: number;
    completion_tokens: number;
    cached_tokens: number;
  };
}

export function sglangResponse(text: string, finish: NonNullable<SGLangResponse['meta_info']['finish_reason']>, promptTokens: number, completionTokens: number): SGLangResponse {
  return {
    text,
    meta_info: { id: mockId(''), finish_reason: finish, prompt_tokens: promptTokens, completion_tokens: completionTokens, cached_tokens: 0 },
  };
}

/** Each event carries the whole text so far; only the last has a finish reason. */
export function sglangStreamEvents(answer: SGLangResponse): MockEvent[] {
  const pieces = textPieces(answer.text);
  let sofar = '';
  return [
    ...pieces.map((piece, i) => {
      sofar += piece;
      const last = i === pieces.length - 1;
      return { data: { text: sofar, meta_info: { ...answer.meta_info, finish_reason: last ? answer.meta_info.finish_reason : null, completion_tokens: last ? answer.meta_info.completion_tokens : i + 1 } } };
    }),
    { data: '[DONE]' },
  ];
}

export function sglangError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { message } }, { status, headers });
}

export const sglangFaults: FaultDialect = {
  rateLimited: () => sglangError(429, 'The server is busy: too many requests in the queue.', RETRY_NOW),
  serverError: (variant) => sglangError(variant < 0.5 ? 500 : 503, 'Internal server error', RETRY_NOW),
  malformed: (variant, streaming) => {
    if (streaming) return sseResponse([{ data: { meta_info: {} } }, { data: '[DONE]' }]);
    return variant < 0.5 ? truncatedJson('{"text": "') : Response.json({ meta_info: { id: mockId('') } });
  },
};

// Text Generation Inference wire shapes: /generate's answer, /generate_stream's token events,
// its `{error, error_type}` errors, the timing and token headers, and faults.
import { RETRY_NOW, truncatedJson, type FaultDialect } from '../faults/dialect.js';
import { textPieces } from './reply.js';
import { sseResponse, type MockEvent } from './sse.js';

/** TGI's finish reasons: `length`, `eos_token` or `stop_sequence`. */
export type TGIFinishReason = 'length' | 'eos_token' | 'stop_sequence';

export interface TGIGenerateResponse {
  generated_text: string;
  details: { finish_reason: TGIFinishReason; generated_tokens: number; seed: number | null; prefill: []; tokens: [] };
}

export function tgiGenerateResponse(text: string, finish: TGIFinishReason, generatedTokens: number, seed: number | null): TGIGenerateResponse {
  return { generated_text: text, details: { finish_reason: finish, generated_tokens: generatedTokens, seed, prefill: [], tokens: [] } };
}

/** One event a token (a word here), the last one carrying the whole text and the details. */
export function tgiStreamEvents(answer: TGIGenerateResponse): MockEvent[] {
  const pieces = textPieces(answer.generated_text);
  return pieces.map((text, i) => {
    const last = i === pieces.length - 1;
    return {
      data: {
        index: i + 1,
        token: { id: 1000 + i, text, logprob: -0.1, special: false },
        generated_text: last ? answer.generated_text : null,
        details: last ? { finish_reason: answer.details.finish_reason, generated_tokens: answer.details.generated_tokens, seed: answer.details.seed } : null,
      },
    };
  });
}

/** The headers TGI's router adds: the prompt's token count is only here. */
export function tgiHeaders(promptTokens: number, generatedTokens: number): Record<string, string> {
  return {
    'x-compute-type': 'gpu+optimized',
    'x-prompt-tokens': String(promptTokens),
    'x-generated-tokens': String(generatedTokens),
    'x-compute-time': '0.01',
    'x-total-time': '10',
  };
}

export type TGIErrorType = 'validation' | 'overloaded' | 'generation' | 'incomplete_generation';

export function tgiError(status: number, errorType: TGIErrorType, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message, error_type: errorType }, { status, headers });
}

/** TGI streams its data lines without a space after the colon. */
export const TGI_DATA_PREFIX = 'data:';

export const tgiFaults: FaultDialect = {
  rateLimited: () => tgiError(429, 'overloaded', 'Model is overloaded', RETRY_NOW),
  serverError: (variant) =>
    variant < 0.5
      ? tgiError(500, 'incomplete_generation', 'Incomplete generation', RETRY_NOW)
      : tgiError(503, 'overloaded', 'Model is overloaded', RETRY_NOW),
  malformed: (variant, streaming) => {
    if (streaming) return sseResponse([{ data: { index: 1 } }], { dataPrefix: TGI_DATA_PREFIX });
    return variant < 0.5 ? truncatedJson('{"generated_text": "') : Response.json({ details: null });
  },
};

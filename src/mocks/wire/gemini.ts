// Gemini generateContent wire shapes: the response, its stream chunks, errors and faults.
import { RETRY_NOW, truncatedJson, type FaultDialect } from '../faults/dialect.js';
import { mockId, roughTokenCount } from './common.js';
import { textPieces } from './reply.js';
import { sseResponse } from './sse.js';

export interface GeminiResponse {
  candidates: Array<{ content: { role: 'model'; parts: Array<{ text: string }> }; finishReason?: string; index: number }>;
  usageMetadata: { promptTokenCount: number; candidatesTokenCount: number; totalTokenCount: number };
  modelVersion: string;
  responseId: string;
}

export function geminiResponse(init: { model: string; text: string; promptTokens: number; candidatesTokens?: number; finishReason?: string }): GeminiResponse {
  const candidatesTokens = init.candidatesTokens ?? roughTokenCount(init.text);
  return {
    candidates: [{ content: { role: 'model', parts: [{ text: init.text }] }, finishReason: init.finishReason ?? 'STOP', index: 0 }],
    usageMetadata: {
      promptTokenCount: init.promptTokens,
      candidatesTokenCount: candidatesTokens,
      totalTokenCount: init.promptTokens + candidatesTokens,
    },
    modelVersion: init.model,
    responseId: mockId(''),
  };
}

/** The response as streamGenerateContent sends it: a partial response a word, the last with finishReason and full usage. */
export function geminiStreamChunks(response: GeminiResponse): GeminiResponse[] {
  const candidate = response.candidates[0]!;
  const pieces = textPieces(candidate.content.parts[0]?.text ?? '');
  return (pieces.length > 0 ? pieces : ['']).map((text, i, all) => ({
    ...response,
    candidates: [{ content: { role: 'model', parts: [{ text }] }, index: 0, ...(i === all.length - 1 ? { finishReason: candidate.finishReason } : {}) }],
  }));
}

/** Google's canonical error statuses with their HTTP codes. */
export const GEMINI_ERROR_CODE = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
} as const;
export type GeminiErrorStatus = keyof typeof GEMINI_ERROR_CODE;

export interface GeminiErrorBody {
  error: { code: number; message: string; status: GeminiErrorStatus; details?: unknown[] };
}

export function geminiError(status: GeminiErrorStatus, message: string, details?: unknown[]): GeminiErrorBody {
  return { error: { code: GEMINI_ERROR_CODE[status], message, status, ...(details ? { details } : {}) } };
}

export function geminiErrorResponse(status: GeminiErrorStatus, message: string, init: { details?: unknown[]; headers?: Record<string, string> } = {}): Response {
  return Response.json(geminiError(status, message, init.details), { status: GEMINI_ERROR_CODE[status], headers: init.headers ?? {} });
}

export const geminiFaults: FaultDialect = {
  // Google says when to retry in the body (google.rpc.RetryInfo), not in a header.
  rateLimited: () =>
    geminiErrorResponse('RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).', {
      details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '0s' }],
      headers: RETRY_NOW,
    }),
  serverError: (variant) =>
    variant < 0.5
      ? geminiErrorResponse('INTERNAL', 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting', { headers: RETRY_NOW })
      : geminiErrorResponse('UNAVAILABLE', 'The model is overloaded. Please try again later.', { headers: RETRY_NOW }),
  malformed: (variant, streaming) => {
    const noCandidates = { usageMetadata: { promptTokenCount: 1, totalTokenCount: 1 }, modelVersion: 'm', responseId: mockId('') };
    if (streaming) return sseResponse([{ data: noCandidates }]);
    return variant < 0.5 ? truncatedJson('{"candidates": [') : Response.json(noCandidates);
  },
};

// Gemini generateContent wire shapes.
import { mockId, roughTokenCount } from './common.js';

export interface GeminiResponse {
  candidates: Array<{ content: { role: 'model'; parts: Array<{ text: string }> }; finishReason: string; index: number }>;
  usageMetadata: { promptTokenCount: number; candidatesTokenCount: number; totalTokenCount: number };
  modelVersion: string;
  responseId: string;
}

export function geminiResponse(init: { model: string; text: string; promptTokens: number; finishReason?: string }): GeminiResponse {
  const candidatesTokens = roughTokenCount(init.text);
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
  error: { code: number; message: string; status: GeminiErrorStatus };
}

export function geminiError(status: GeminiErrorStatus, message: string): GeminiErrorBody {
  return { error: { code: GEMINI_ERROR_CODE[status], message, status } };
}

// Anthropic Messages wire shapes.
import { mockId, roughTokenCount } from './common.js';

export interface AnthropicMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: Array<{ type: 'text'; text: string }>;
  stop_reason: string;
  stop_sequence: string | null;
  usage: { input_tokens: number; output_tokens: number };
}

export function anthropicMessage(init: { model: string; text: string; inputTokens: number; stopReason?: string }): AnthropicMessage {
  return {
    id: mockId('msg_'),
    type: 'message',
    role: 'assistant',
    model: init.model,
    content: [{ type: 'text', text: init.text }],
    stop_reason: init.stopReason ?? 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: init.inputTokens, output_tokens: roughTokenCount(init.text) },
  };
}

/** Each error type with the HTTP status Anthropic answers it with. */
export const ANTHROPIC_ERROR_STATUS = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  overloaded_error: 529,
} as const;
export type AnthropicErrorType = keyof typeof ANTHROPIC_ERROR_STATUS;

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: AnthropicErrorType; message: string };
  request_id: string;
}

export function anthropicError(type: AnthropicErrorType, message: string): AnthropicErrorBody {
  return { type: 'error', error: { type, message }, request_id: mockId('req_') };
}

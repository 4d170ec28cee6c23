// OpenAI chat completions wire shapes (also spoken by xAI, Moonshot and the Gemini mock's
// OpenAI route).
import { mockId, roughTokenCount } from './common.js';

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

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export function openAIError(
  message: string,
  details: { type?: string; param?: string | null; code?: string | null } = {},
): OpenAIErrorBody {
  return { error: { message, type: details.type ?? 'invalid_request_error', param: details.param ?? null, code: details.code ?? null } };
}

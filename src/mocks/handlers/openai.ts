// OpenAI: echoes the last message.
import type { HttpHandler } from 'msw';
import type { MockOptions } from '../options.js';
import { localOrigins, MOCK_PORTS } from '../ports.js';
import { openAICompatibleHandlers } from './openai-compatible.js';

export function openAIHandlers(options: MockOptions = {}): HttpHandler[] {
  const local = localOrigins(MOCK_PORTS.openai).flatMap((origin) => [`${origin}/v1`, origin]);
  return openAICompatibleHandlers({ bases: ['https://api.openai.com/v1', ...local], reply: (_model, text) => text, family: 'openai' }, options);
}

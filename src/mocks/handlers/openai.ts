// OpenAI: echoes the last message.
import type { MockOptions } from '../options.js';
import type { MockRoute } from '../router.js';
import { localOrigins, MOCK_PORTS } from '../ports.js';
import { openAICompatibleRoutes } from './openai-compatible.js';

export function openAIRoutes(options: MockOptions = {}): MockRoute[] {
  const local = localOrigins(MOCK_PORTS.openai).flatMap((origin) => [`${origin}/v1`, origin]);
  return openAICompatibleRoutes({ bases: ['https://api.openai.com/v1', ...local], reply: (_model, text) => text, family: 'openai' }, options);
}

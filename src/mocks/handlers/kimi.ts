// Moonshot Kimi: answers `mock-kimi(<model>): <last message>`, on both regional hosts.
import type { MockOptions } from '../options.js';
import type { MockRoute } from '../router.js';
import { localOrigins, MOCK_PORTS } from '../ports.js';
import { openAICompatibleRoutes } from './openai-compatible.js';

export function kimiRoutes(options: MockOptions = {}): MockRoute[] {
  const local = localOrigins(MOCK_PORTS.kimi).flatMap((origin) => [`${origin}/v1`, origin]);
  return openAICompatibleRoutes(
    {
      bases: ['https://api.moonshot.cn/v1', 'https://api.moonshot.ai/v1', ...local],
      reply: (model, text) => `mock-kimi(${model}): ${text}`,
      family: 'moonshot',
      streamUsage: 'in_choice',
    },
    options,
  );
}

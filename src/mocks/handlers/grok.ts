// xAI Grok: answers `mock-grok(<model>): <last message>`.
import type { MockOptions } from '../options.js';
import type { MockRoute } from '../router.js';
import { localOrigins, MOCK_PORTS } from '../ports.js';
import { openAICompatibleRoutes } from './openai-compatible.js';

export function grokRoutes(options: MockOptions = {}): MockRoute[] {
  const local = localOrigins(MOCK_PORTS.grok).flatMap((origin) => [`${origin}/v1`, origin]);
  return openAICompatibleRoutes(
    { bases: ['https://api.x.ai/v1', ...local], reply: (model, text) => `mock-grok(${model}): ${text}`, family: 'xai' },
    options,
  );
}

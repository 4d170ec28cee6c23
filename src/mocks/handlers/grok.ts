// xAI Grok: answers `mock-grok(<model>): <last message>`.
import type { HttpHandler } from 'msw';
import type { MockOptions } from '../options.js';
import { localOrigins, MOCK_PORTS } from '../ports.js';
import { openAICompatibleHandlers } from './openai-compatible.js';

export function grokHandlers(options: MockOptions = {}): HttpHandler[] {
  const local = localOrigins(MOCK_PORTS.grok).flatMap((origin) => [`${origin}/v1`, origin]);
  return openAICompatibleHandlers(
    { bases: ['https://api.x.ai/v1', ...local], reply: (model, text) => `mock-grok(${model}): ${text}`, family: 'xai' },
    options,
  );
}

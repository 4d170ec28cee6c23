// Every provider mock at once, in the order MSW should try them.
import type { RequestHandler } from 'msw';
import type { MockOptions } from './options.js';
import { anthropicHandlers } from './handlers/anthropic.js';
import { geminiHandlers } from './handlers/gemini.js';
import { grokHandlers } from './handlers/grok.js';
import { kimiHandlers } from './handlers/kimi.js';
import { openAIHandlers } from './handlers/openai.js';
import { sglangHandlers } from './handlers/sglang.js';
import { tgiHandlers } from './handlers/tgi.js';

export function createMockHandlers(options: MockOptions = {}): RequestHandler[] {
  return [
    ...openAIHandlers(options),
    ...anthropicHandlers(options),
    ...geminiHandlers(options),
    ...grokHandlers(options),
    ...kimiHandlers(options),
    ...tgiHandlers(options),
    ...sglangHandlers(options),
  ];
}

// Every provider mock at once, in the order MSW should try them.
import type { RequestHandler } from 'msw';
import type { MockOptions } from './options.js';
import { anthropicHandlers } from './handlers/anthropic.js';
import { geminiHandlers } from './handlers/gemini.js';
import { grokHandlers } from './handlers/grok.js';
import { kimiHandlers } from './handlers/kimi.js';
import { openAIHandlers } from './handlers/openai.js';

export function createMockHandlers(options: MockOptions = {}): RequestHandler[] {
  return [
    ...openAIHandlers(options),
    ...anthropicHandlers(options),
    ...geminiHandlers(options),
    ...grokHandlers(options),
    ...kimiHandlers(options),
  ];
}

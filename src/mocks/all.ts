// Every provider mock at once: their routes in the order MSW should try them, behind one router.
import type { HttpHandler } from 'msw';
import type { MockOptions } from './options.js';
import { anthropicRoutes } from './handlers/anthropic.js';
import { geminiRoutes } from './handlers/gemini.js';
import { grokRoutes } from './handlers/grok.js';
import { kimiRoutes } from './handlers/kimi.js';
import { openAIRoutes } from './handlers/openai.js';
import { sglangRoutes } from './handlers/sglang.js';
import { tgiRoutes } from './handlers/tgi.js';
import { mockRouter } from './router.js';

export function createMockHandlers(options: MockOptions = {}): HttpHandler[] {
  return [
    mockRouter([
      ...openAIRoutes(options),
      ...anthropicRoutes(options),
      ...geminiRoutes(options),
      ...grokRoutes(options),
      ...kimiRoutes(options),
      ...tgiRoutes(options),
      ...sglangRoutes(options),
    ]),
  ];
}

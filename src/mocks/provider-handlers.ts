// Each provider's mock alone, as MSW handlers: for a test or a setupServer of your own.
import type { HttpHandler } from 'msw';
import { anthropicRoutes } from './handlers/anthropic.js';
import { geminiRoutes } from './handlers/gemini.js';
import { grokRoutes } from './handlers/grok.js';
import { kimiRoutes } from './handlers/kimi.js';
import { openAICompatibleRoutes } from './handlers/openai-compatible.js';
import { openAIRoutes } from './handlers/openai.js';
import { sglangRoutes } from './handlers/sglang.js';
import { tgiRoutes } from './handlers/tgi.js';
import { mockRouter, type MockRoute } from './router.js';

/** One provider's routes behind a router of their own. */
function handlersFor<A extends unknown[]>(routes: (...args: A) => MockRoute[]): (...args: A) => HttpHandler[] {
  return (...args) => [mockRouter(routes(...args))];
}

export const openAIHandlers = handlersFor(openAIRoutes);
export const anthropicHandlers = handlersFor(anthropicRoutes);
export const geminiHandlers = handlersFor(geminiRoutes);
export const grokHandlers = handlersFor(grokRoutes);
export const kimiHandlers = handlersFor(kimiRoutes);
export const tgiHandlers = handlersFor(tgiRoutes);
export const sglangHandlers = handlersFor(sglangRoutes);
export const openAICompatibleHandlers = handlersFor(openAICompatibleRoutes);

// The provider mocks: MSW handlers speaking each provider's wire protocol, at its public host
// and at the seed layout's local port. They know the wire shapes, not the clients.
export { createMockHandlers } from './all.js';
export { startMockInterception, UnmockedRequestError, type MockInterception } from './interception.js';
export { MOCK_PORTS, mockBase, type MockProvider } from './ports.js';
export type { MockOptions } from './options.js';
export { openAIHandlers } from './handlers/openai.js';
export { anthropicHandlers } from './handlers/anthropic.js';
export { geminiHandlers } from './handlers/gemini.js';
export { grokHandlers } from './handlers/grok.js';
export { kimiHandlers } from './handlers/kimi.js';
export { openAICompatibleHandlers, type OpenAICompatibleMock } from './handlers/openai-compatible.js';
export * from './wire/openai.js';
export * from './wire/anthropic.js';
export * from './wire/gemini.js';
export { roughTokenCount } from './wire/common.js';

// The provider mocks: MSW handlers speaking each provider's wire protocol, at its public host
// and at the seed layout's local port, with injectable faults and MOCK_TARGET forwarding.
// They know the wire shapes, not the clients.
export { createMockHandlers } from './all.js';
export { startMockInterception, UnmockedRequestError, type MockInterception } from './interception.js';
export { MOCK_PORTS, mockBase, SELF_HOSTED_MOCK_PORTS, selfHostedMockBase, type MockProvider, type SelfHostedMock } from './ports.js';
export type { MockOptions, MockTarget } from './options.js';
export { mockOptionsFromEnv } from './env-options.js';
export { parseFaultSpec, FAULT_KINDS, type FaultKind, type FaultRates } from './faults/spec.js';
export { FaultPlan, type Fault } from './faults/plan.js';
export {
  openAIHandlers,
  anthropicHandlers,
  geminiHandlers,
  grokHandlers,
  kimiHandlers,
  tgiHandlers,
  sglangHandlers,
  openAICompatibleHandlers,
} from './provider-handlers.js';
export type { OpenAICompatibleMock } from './handlers/openai-compatible.js';
export { mockRouter, type MockRoute } from './router.js';
export * from './wire/openai.js';
export * from './wire/anthropic.js';
export * from './wire/gemini.js';
export * from './wire/tgi.js';
export * from './wire/sglang.js';
export { roughTokenCount } from './wire/common.js';
export { registerMockReplies } from './replies/register.js';
export { registerMockReply, mockReplyFor, type MockReplyEntry, type MockReplyRequest } from './replies/registry.js';
export { startMockServers, MockServeError, type MockServers, type ServedMock, type MockServeOptions } from './server.js';

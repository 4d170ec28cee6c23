// The providers layer: one client per wire protocol, behind ProviderClient. No Vitest here.
export type { ChatMessage, ChatRequest, ChatResult, ProviderClient, Usage } from './types.js';
export { createProviderClient, PLACEHOLDER_API_KEY, type CreateClientOptions } from './create.js';
export { resolveProvider, AZURE_DEFAULT_API_VERSION, type ResolvedProvider } from './resolve.js';
export { ProviderError, MissingKeyError, type ProviderErrorType } from './errors.js';
export { generateContentUrl } from './gemini.js';

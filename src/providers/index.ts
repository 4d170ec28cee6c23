// The providers layer: one protocol per wire format behind ProviderClient, with the parameter
// rules, one retry policy and a shared limiter. No Vitest here.
export type { ChatMessage, ChatRequest, ChatResult, ProviderClient, RetryInfo, Usage } from './types.js';
export { createProviderClient, PLACEHOLDER_API_KEY, type CreateClientOptions } from './create.js';
export { resolveProvider, AZURE_DEFAULT_API_VERSION, type ResolvedProvider } from './resolve.js';
export { ProviderError, MissingKeyError, type ProviderErrorType } from './errors.js';
export { generateContentUrl } from './gemini.js';
export type { ParameterAdjustment } from './parameters/adjustments.js';
export { LimiterRegistry, sharedLimiters } from './limiter/registry.js';
export { RETRY_DEFAULTS } from './retry/policy.js';
export { currentTrial, runInTrial } from './trial-context.js';
export { priceFor, tablePrice, type PriceChoice } from './prices/lookup.js';
export { PRICE_TABLE } from './prices/table.js';
export { priceTableSchema, priceEntrySchema, type PriceTable, type PriceEntry } from './prices/table-schema.js';

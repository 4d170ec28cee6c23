// A backend's ProviderClient: resolve where it goes and with which key, then pick the client
// for its protocol.
import type { BackendSpec } from '../config/schema.js';
import type { ProviderClient } from './types.js';
import type { ClientSettings } from './client-settings.js';
import { createAnthropicClient } from './anthropic.js';
import { createAzureClient } from './azure.js';
import { MissingKeyError } from './errors.js';
import { createGeminiClient } from './gemini.js';
import { createOpenAICompatibleClient } from './openai-compatible.js';
import { resolveProvider, type ResolvedProvider } from './resolve.js';

/** Sent in mock mode when no key is set: the SDKs refuse to start without one, the mocks accept any. */
export const PLACEHOLDER_API_KEY = 'evalmatrix-no-key';

export interface CreateClientOptions {
  env: Record<string, string | undefined>;
  /** Mock mode: a missing key is replaced by PLACEHOLDER_API_KEY instead of failing. */
  allowMissingKey?: boolean;
}

/** Throws MissingKeyError when the key is missing outside mock mode. */
export function createProviderClient(backend: BackendSpec, options: CreateClientOptions): ProviderClient {
  const { config } = backend;
  const resolved = resolveProvider(config, options.env);
  const settings: ClientSettings = {
    provider: resolved.provider,
    model: config.model,
    apiBase: resolved.apiBase,
    apiKey: keyToSend(resolved, options.allowMissingKey ?? false),
    keyVariable: resolved.keyVariable,
    // Config says seconds; the SDKs want whole milliseconds.
    timeoutMs: Math.max(1, Math.round(config.timeout * 1000)),
    parameters: config.generation_parameters,
  };
  switch (resolved.provider) {
    case 'openai':
    case 'xai':
    case 'moonshot':
      return createOpenAICompatibleClient(settings);
    case 'azure':
      return createAzureClient(settings, resolved.apiVersion);
    case 'anthropic':
      return createAnthropicClient(settings);
    case 'gemini':
      return createGeminiClient(settings);
  }
}

function keyToSend(resolved: ResolvedProvider, allowMissingKey: boolean): string {
  if (resolved.apiKey !== undefined) return resolved.apiKey;
  if (allowMissingKey) return PLACEHOLDER_API_KEY;
  throw new MissingKeyError(resolved.provider, resolved.keyVariables);
}

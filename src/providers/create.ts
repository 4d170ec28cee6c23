// A backend's ProviderClient: resolve where it goes and with which key, apply the provider's
// parameter rules, pick the protocol, and wrap it in the shared limiter and retry policy.
import type { BackendSpec } from '../config/schema.js';
import type { ProviderClient } from './types.js';
import type { ClientSettings } from './client-settings.js';
import { anthropicProtocol } from './anthropic.js';
import { azureSdk } from './azure.js';
import { MissingKeyError } from './errors.js';
import { geminiProtocol } from './gemini.js';
import { realClock } from './limiter/clock.js';
import { limitsOf } from './limiter/limits.js';
import { sharedLimiters, type LimiterRegistry } from './limiter/registry.js';
import { openAIProtocol, openAISdk } from './openai-compatible.js';
import type { PlannedParameters } from './parameters/adjustments.js';
import { anthropicParameters } from './parameters/anthropic.js';
import { geminiParameters } from './parameters/gemini.js';
import { moonshotParameters } from './parameters/moonshot.js';
import { openAIParameters } from './parameters/openai.js';
import { sglangParameters } from './parameters/sglang.js';
import { tgiParameters } from './parameters/tgi.js';
import { xaiParameters } from './parameters/xai.js';
import type { Protocol } from './protocol.js';
import { providerClient } from './provider-client.js';
import { resolveProvider, type ResolvedProvider } from './resolve.js';
import { retryPolicy } from './retry/policy.js';
import { sglangProtocol } from './sglang.js';
import { tgiProtocol } from './tgi.js';

/** Sent in mock mode when no key is set: the SDKs refuse to start without one, the mocks accept any. */
export const PLACEHOLDER_API_KEY = 'evalmatrix-no-key';

export interface CreateClientOptions {
  env: Record<string, string | undefined>;
  /** Mock mode: a missing key is replaced by PLACEHOLDER_API_KEY instead of failing. */
  allowMissingKey?: boolean;
  /** Limiters shared by provider and key; the process-wide registry unless given. */
  limiters?: LimiterRegistry;
  /** The wait between attempts; tests pass one that returns at once. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

/** Throws MissingKeyError when a required key is missing outside mock mode. */
export function createProviderClient(backend: BackendSpec, options: CreateClientOptions): ProviderClient {
  const { config } = backend;
  const resolved = resolveProvider(config, options.env);
  const settings: ClientSettings = {
    provider: resolved.provider,
    model: config.model,
    apiBase: resolved.apiBase,
    apiKey: keyToSend(resolved, options.allowMissingKey ?? false),
    keyVariable: resolved.keyVariable,
    // Config says seconds; timers want whole milliseconds.
    timeoutMs: Math.max(1, Math.round(config.timeout * 1000)),
    stream: config.stream ?? false,
  };
  const { protocol, adjustments } = protocolFor(resolved, settings, config.generation_parameters);
  const limiters = options.limiters ?? sharedLimiters;
  return providerClient(settings, protocol, {
    limiter: limiters.limiterFor(settings.provider, settings.apiBase, settings.apiKey, limitsOf(config)),
    policy: retryPolicy(config),
    sleep: options.sleep ?? realClock.sleep,
    random: options.random ?? Math.random,
    adjustments,
    responseFormat: config.response_format,
    maxOutputTokens: config.generation_parameters.max_new_tokens ?? 0,
  });
}

type Parameters = BackendSpec['config']['generation_parameters'];

function protocolFor(resolved: ResolvedProvider, settings: ClientSettings, parameters: Parameters): { protocol: Protocol; adjustments: PlannedParameters<unknown>['adjustments'] } {
  const plan = <W>(rule: (model: string, p: Parameters) => PlannedParameters<W>, make: (wire: W) => Protocol) => {
    const { wire, adjustments } = rule(settings.model, parameters);
    return { protocol: make(wire), adjustments };
  };
  switch (resolved.provider) {
    case 'openai':
      return plan(openAIParameters, (wire) => openAIProtocol(openAISdk(settings), settings, wire, 'openai'));
    case 'azure':
      return plan(openAIParameters, (wire) => openAIProtocol(azureSdk(settings, resolved.apiVersion), settings, wire, 'azure'));
    case 'xai':
      return plan(xaiParameters, (wire) => openAIProtocol(openAISdk(settings), settings, wire, 'xai'));
    case 'moonshot':
      return plan(moonshotParameters, (wire) => openAIProtocol(openAISdk(settings), settings, wire, 'moonshot'));
    case 'anthropic':
      return plan(anthropicParameters, (wire) => anthropicProtocol(settings, wire));
    case 'gemini':
      return plan(geminiParameters, (wire) => geminiProtocol(settings, wire));
    case 'tgi':
      return plan(tgiParameters, (wire) => tgiProtocol(settings, wire));
    case 'sglang':
      return plan(sglangParameters, (wire) => sglangProtocol(settings, wire));
  }
}

function keyToSend(resolved: ResolvedProvider, allowMissingKey: boolean): string {
  if (resolved.apiKey !== undefined) return resolved.apiKey;
  // A self-hosted server without a key is the usual case: send none.
  if ('keyOptional' in resolved) return '';
  if (allowMissingKey) return PLACEHOLDER_API_KEY;
  throw new MissingKeyError(resolved.provider, resolved.keyVariables);
}

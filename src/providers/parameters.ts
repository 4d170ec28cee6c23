// generation_parameters → each wire protocol's names, mapped as written. The provider-specific
// rules (reasoning models, clamping, stop limits) belong to a later layer; this one only renames.
// Undefined fields vanish when the body is serialized, so unset parameters are never sent.
import type { GenerationParameters } from '../config/schema.js';

/** Anthropic requires max_tokens; this is what we send when the config leaves it unset. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

/** A stop string or list as a list; an empty list is omitted rather than sent as []. */
export function stopList(stop: GenerationParameters['stop']): string[] | undefined {
  const list = typeof stop === 'string' ? [stop] : stop;
  return list && list.length > 0 ? list : undefined;
}

export function openAIParameters(p: GenerationParameters) {
  return {
    max_tokens: p.max_new_tokens,
    temperature: p.temperature,
    top_p: p.top_p,
    stop: stopList(p.stop),
    seed: p.seed,
    presence_penalty: p.presence_penalty,
    frequency_penalty: p.frequency_penalty,
  };
}

export function anthropicParameters(p: GenerationParameters) {
  return {
    max_tokens: p.max_new_tokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    temperature: p.temperature,
    top_p: p.top_p,
    top_k: p.top_k,
    stop_sequences: stopList(p.stop),
  };
}

export function geminiGenerationConfig(p: GenerationParameters) {
  return {
    maxOutputTokens: p.max_new_tokens,
    temperature: p.temperature,
    topP: p.top_p,
    topK: p.top_k,
    stopSequences: stopList(p.stop),
    seed: p.seed,
  };
}

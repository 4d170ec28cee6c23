// Anthropic Messages: max_tokens is required, temperature is 0 to 1, a stop sequence must
// contain something other than whitespace, and there is no seed or penalty.
import type { GenerationParameters } from '../../config/schema.js';
import { Adjustments, type PlannedParameters } from './adjustments.js';
import { stopList } from './stop.js';

/** Anthropic requires max_tokens; this is what we send when the config leaves it unset. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

export interface AnthropicWireParameters {
  max_tokens: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop_sequences?: string[];
}

export function anthropicParameters(_model: string, p: GenerationParameters): PlannedParameters<AnthropicWireParameters> {
  const adjust = new Adjustments();
  const missing = 'Anthropic Messages have no such parameter';
  adjust.drop('seed', p.seed, missing);
  adjust.drop('presence_penalty', p.presence_penalty, missing);
  adjust.drop('frequency_penalty', p.frequency_penalty, missing);
  return adjust.done({
    max_tokens: adjust.default('max_new_tokens', p.max_new_tokens, ANTHROPIC_DEFAULT_MAX_TOKENS, 'Anthropic requires max_tokens'),
    temperature: adjust.clamp('temperature', p.temperature, 0, 1, 'Anthropic accepts 0 to 1'),
    top_p: p.top_p,
    top_k: p.top_k,
    stop_sequences: withoutBlankStops(stopList(p.stop), adjust),
  });
}

function withoutBlankStops(stops: string[] | undefined, adjust: Adjustments): string[] | undefined {
  if (stops === undefined) return undefined;
  const kept = stops.filter((s) => s.trim() !== '');
  if (kept.length === stops.length) return stops;
  adjust.list.push({
    parameter: 'stop',
    action: 'dropped',
    value: stops.filter((s) => s.trim() === ''),
    reason: 'Anthropic rejects stop sequences that are empty or only whitespace',
  });
  return kept.length > 0 ? kept : undefined;
}

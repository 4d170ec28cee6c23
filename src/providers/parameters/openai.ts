// OpenAI chat completions (OpenAI and Azure; xAI and Moonshot apply their own rules first).
// Reasoning models take max_completion_tokens and reject temperature, top_p and stop.
import type { GenerationParameters } from '../../config/schema.js';
import { Adjustments, type PlannedParameters } from './adjustments.js';
import { isReasoningModel } from './model-families.js';
import { stopList } from './stop.js';

/** OpenAI accepts at most this many stop sequences. */
export const OPENAI_MAX_STOPS = 4;

export interface OpenAIWireParameters {
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  seed?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
}

export function openAIParameters(
  model: string,
  p: GenerationParameters,
  adjust = new Adjustments(),
): PlannedParameters<OpenAIWireParameters> {
  const reasoning = isReasoningModel(model);
  const why = `${model} is a reasoning model`;
  adjust.drop('top_k', p.top_k, 'OpenAI chat completions have no top_k');
  return adjust.done({
    ...(reasoning ? { max_completion_tokens: renamed(adjust, p.max_new_tokens, why) } : { max_tokens: p.max_new_tokens }),
    temperature: reasoning ? adjust.drop('temperature', p.temperature, why) : adjust.clamp('temperature', p.temperature, 0, 2, 'OpenAI accepts 0 to 2'),
    top_p: reasoning ? adjust.drop('top_p', p.top_p, why) : p.top_p,
    stop: reasoning
      ? adjust.drop('stop', p.stop, why)
      : adjust.capStops(stopList(p.stop), OPENAI_MAX_STOPS, `OpenAI accepts at most ${OPENAI_MAX_STOPS} stop sequences`),
    seed: p.seed,
    presence_penalty: p.presence_penalty,
    frequency_penalty: p.frequency_penalty,
  });
}

function renamed(adjust: Adjustments, maxNewTokens: number | undefined, why: string): number | undefined {
  adjust.rename('max_new_tokens', maxNewTokens, 'max_completion_tokens', `${why}: it takes max_completion_tokens, not max_tokens`);
  return maxNewTokens;
}

// Gemini generationConfig: camelCase names, at most five stop sequences, temperature 0 to 2.
import type { GenerationParameters } from '../../config/schema.js';
import { Adjustments, type PlannedParameters } from './adjustments.js';
import { stopList } from './stop.js';

export const GEMINI_MAX_STOPS = 5;

export interface GeminiGenerationConfig {
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stopSequences?: string[];
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
}

export function geminiParameters(_model: string, p: GenerationParameters): PlannedParameters<GeminiGenerationConfig> {
  const adjust = new Adjustments();
  return adjust.done({
    maxOutputTokens: p.max_new_tokens,
    temperature: adjust.clamp('temperature', p.temperature, 0, 2, 'Gemini accepts 0 to 2'),
    topP: p.top_p,
    topK: p.top_k,
    stopSequences: adjust.capStops(stopList(p.stop), GEMINI_MAX_STOPS, `Gemini accepts at most ${GEMINI_MAX_STOPS} stop sequences`),
    seed: p.seed,
    presencePenalty: p.presence_penalty,
    frequencyPenalty: p.frequency_penalty,
  });
}

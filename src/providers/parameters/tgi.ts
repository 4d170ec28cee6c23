// Text Generation Inference /generate: greedy unless sampling is asked for, so temperature
// must be strictly positive and top_p strictly between 0 and 1 (TGI answers 422 otherwise);
// at most four stop sequences by default (--max-stop-sequences).
import type { GenerationParameters } from '../../config/schema.js';
import { Adjustments, type PlannedParameters } from './adjustments.js';
import { stopList } from './stop.js';

export const TGI_MAX_STOPS = 4;

export interface TGIWireParameters {
  max_new_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop?: string[];
  seed?: number;
  frequency_penalty?: number;
  /** Always on: the finish reason and token count come in `details`. */
  details: true;
}

export function tgiParameters(_model: string, p: GenerationParameters): PlannedParameters<TGIWireParameters> {
  const adjust = new Adjustments();
  adjust.drop('presence_penalty', p.presence_penalty, 'TGI has no presence_penalty');
  return adjust.done({
    max_new_tokens: p.max_new_tokens,
    temperature: p.temperature === 0 ? adjust.drop('temperature', 0, 'TGI needs a positive temperature; without one it decodes greedily, as 0 means') : p.temperature,
    top_p: p.top_p !== undefined && (p.top_p <= 0 || p.top_p >= 1) ? adjust.drop('top_p', p.top_p, 'TGI needs 0 < top_p < 1; 1 (or 0) means no nucleus sampling') : p.top_p,
    top_k: p.top_k,
    stop: adjust.capStops(stopList(p.stop), TGI_MAX_STOPS, `TGI accepts at most ${TGI_MAX_STOPS} stop sequences by default`),
    seed: p.seed,
    frequency_penalty: p.frequency_penalty,
    details: true,
  });
}

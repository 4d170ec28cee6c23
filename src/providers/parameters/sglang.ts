// SGLang /generate sampling_params: the generation_parameters names as they are, but no seed.
import type { GenerationParameters } from '../../config/schema.js';
import { Adjustments, type PlannedParameters } from './adjustments.js';
import { stopList } from './stop.js';

export interface SGLangSamplingParams {
  max_new_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop?: string[];
  presence_penalty?: number;
  frequency_penalty?: number;
}

export function sglangParameters(_model: string, p: GenerationParameters): PlannedParameters<SGLangSamplingParams> {
  const adjust = new Adjustments();
  adjust.drop('seed', p.seed, 'SGLang sampling_params take no seed');
  return adjust.done({
    max_new_tokens: p.max_new_tokens,
    temperature: p.temperature,
    top_p: p.top_p,
    top_k: p.top_k,
    stop: stopList(p.stop),
    presence_penalty: p.presence_penalty,
    frequency_penalty: p.frequency_penalty,
  });
}

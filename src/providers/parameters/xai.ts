// xAI Grok: the OpenAI protocol, but grok-3-mini and the grok-4 family reject `stop`, and
// grok-4 rejects the penalties.
import type { GenerationParameters } from '../../config/schema.js';
import { Adjustments, type PlannedParameters } from './adjustments.js';
import { grokRejectsPenalties, grokRejectsStop } from './model-families.js';
import { openAIParameters, type OpenAIWireParameters } from './openai.js';

export function xaiParameters(model: string, p: GenerationParameters): PlannedParameters<OpenAIWireParameters> {
  const adjust = new Adjustments();
  const why = `${model} rejects it`;
  const rest = { ...p };
  if (grokRejectsStop(model)) rest.stop = adjust.drop('stop', p.stop, why);
  if (grokRejectsPenalties(model)) {
    rest.presence_penalty = adjust.drop('presence_penalty', p.presence_penalty, why);
    rest.frequency_penalty = adjust.drop('frequency_penalty', p.frequency_penalty, why);
  }
  return openAIParameters(model, rest, adjust);
}

// Moonshot Kimi: the OpenAI protocol with temperature in [0, 1]; kimi-* models fix their
// sampling parameters and answer 400 to any other value ("only 1 is allowed for this model"),
// so those are left to the server.
import type { GenerationParameters } from '../../config/schema.js';
import { Adjustments, type PlannedParameters } from './adjustments.js';
import { isPinnedKimi } from './model-families.js';
import { openAIParameters, type OpenAIWireParameters } from './openai.js';

const PINNED = ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty'] as const;

export function moonshotParameters(model: string, p: GenerationParameters): PlannedParameters<OpenAIWireParameters> {
  const adjust = new Adjustments();
  const rest = { ...p };
  if (isPinnedKimi(model)) {
    for (const name of PINNED) rest[name] = adjust.drop(name, p[name], `${model} fixes ${name}; the server's value is used`);
  } else {
    rest.temperature = adjust.clamp('temperature', p.temperature, 0, 1, 'Moonshot accepts 0 to 1');
  }
  return openAIParameters(model, rest, adjust);
}

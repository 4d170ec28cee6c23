// What Gemini's generateContent refuses in generationConfig: more than five stop sequences and
// temperatures outside 0..2.
import { field } from '../handlers/request.js';

export function geminiRefusal(body: Record<string, unknown>): string | undefined {
  const stops = field(body.generationConfig, 'stopSequences');
  if (Array.isArray(stops) && stops.length > 5) {
    return `* GenerateContentRequest.generation_config.stop_sequences: exceeds the maximum of 5 stop sequences (got ${stops.length})`;
  }
  const temperature = field(body.generationConfig, 'temperature');
  if (typeof temperature === 'number' && (temperature < 0 || temperature > 2)) {
    return `* GenerateContentRequest.generation_config.temperature: must be in [0.0, 2.0] (got ${temperature})`;
  }
  return undefined;
}

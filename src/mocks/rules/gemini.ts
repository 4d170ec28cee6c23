// What Gemini's generateContent refuses: a turn whose role is neither `user` nor `model` (a
// system prompt goes in systemInstruction), more than five stop sequences, and temperatures
// outside 0..2. Worded as the API words them.
import { field } from '../handlers/request.js';

export function geminiRefusal(body: Record<string, unknown>): string | undefined {
  const contents = Array.isArray(body.contents) ? body.contents : [];
  // A turn without a role is the user's; any other role is refused.
  if (contents.some((turn) => field(turn, 'role') !== undefined && field(turn, 'role') !== 'user' && field(turn, 'role') !== 'model')) {
    return 'Please use a valid role: user, model.';
  }
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

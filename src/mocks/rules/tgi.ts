// What Text Generation Inference's router validates (422 with error_type "validation"):
// sampling needs a positive temperature and 0 < top_p < 1; at most four stop sequences by default.
import { field } from '../handlers/request.js';

export function tgiRefusal(body: Record<string, unknown>): string | undefined {
  if (typeof body.inputs !== 'string') return 'Failed to deserialize the JSON body into the target type: missing field `inputs`';
  const temperature = field(body.parameters, 'temperature');
  if (typeof temperature === 'number' && temperature <= 0) return '`temperature` must be strictly positive';
  const topP = field(body.parameters, 'top_p');
  if (typeof topP === 'number' && (topP <= 0 || topP >= 1)) return '`top_p` must be > 0.0 and < 1.0';
  const stop = field(body.parameters, 'stop');
  if (Array.isArray(stop) && stop.length > 4) return `\`stop\` supports up to 4 stop sequences. Given: ${stop.length}`;
  return undefined;
}

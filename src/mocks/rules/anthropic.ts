// What Anthropic's Messages API refuses beyond missing fields: temperature outside 0..1 and
// stop sequences that are only whitespace.

export function anthropicRefusal(body: Record<string, unknown>): string | undefined {
  if (typeof body.temperature === 'number' && (body.temperature < 0 || body.temperature > 1)) return 'temperature: range: 0..1';
  if (Array.isArray(body.stop_sequences) && body.stop_sequences.some((s) => typeof s !== 'string' || s.trim() === '')) {
    return 'stop_sequences: each stop sequence must contain non-whitespace';
  }
  return undefined;
}

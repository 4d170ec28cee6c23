// Long strings (a 100 kB reply, a pasted document in a prompt) are cut to a length the report
// can carry; the cut says how much is left out and where the whole text is.

export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… [${text.length - max} more characters in events.jsonl]`;
}

/** A copy of `value` with every string longer than `max` clipped; other values as they are. */
export function clipStrings<T>(value: T, max: number): T {
  if (typeof value === 'string') return clipText(value, max) as T;
  if (Array.isArray(value)) return value.map((v) => clipStrings(v, max)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clipStrings(v, max);
    return out as T;
  }
  return value;
}

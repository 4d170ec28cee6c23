// Reading what a client sent, the way every mock needs it.
import { delay } from 'msw';
import { isRecord } from '../../config/is-record.js';
export { isRecord };

/** The JSON object body, or undefined when the body is not one (the mock then answers 400). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await request.json();
    return isRecord(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

/** `value[name]` when value is an object; undefined otherwise. Requests are untrusted JSON. */
export function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** A message's text: a plain string, or the text parts of a content-block list (OpenAI, Anthropic, Gemini parts). */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) => {
      const text = field(part, 'text');
      return typeof text === 'string' ? text : '';
    })
    .join('');
}

export async function simulateLatency(latencyMs: number | undefined): Promise<void> {
  if (latencyMs !== undefined && latencyMs > 0) await delay(latencyMs);
}

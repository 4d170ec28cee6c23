// A mock's answer as a model would end it: cut at the first stop sequence, or at the token
// budget (about four characters a token), with the reason it ended.
import { roughTokenCount } from './common.js';

export interface ShapedReply {
  text: string;
  /** `stop`: the text ended by itself; `stop_sequence`: a stop sequence cut it; `length`: the budget did. */
  ended: 'stop' | 'stop_sequence' | 'length';
  /** The stop sequence that matched. */
  matched?: string;
  tokens: number;
}

export function shapeReply(text: string, limits: { maxTokens?: number | undefined; stop?: readonly string[] | undefined }): ShapedReply {
  let cut: { at: number; stop: string } | undefined;
  for (const stop of limits.stop ?? []) {
    const at = stop === '' ? -1 : text.indexOf(stop);
    if (at >= 0 && (cut === undefined || at < cut.at)) cut = { at, stop };
  }
  let shaped: ShapedReply = cut ? { text: text.slice(0, cut.at), ended: 'stop_sequence', matched: cut.stop, tokens: 0 } : { text, ended: 'stop', tokens: 0 };
  if (limits.maxTokens !== undefined && roughTokenCount(shaped.text) > limits.maxTokens) {
    shaped = { text: shaped.text.slice(0, limits.maxTokens * 4), ended: 'length', tokens: 0 };
  }
  return { ...shaped, tokens: roughTokenCount(shaped.text) };
}

/** A stop value as clients send it (a string or a list) as a list of strings. */
export function stopsOf(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : undefined;
}

/** A number field of an untrusted body, or undefined. */
export function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The text in pieces as a server streams it: a word (with its trailing space) at a time. */
export function textPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

// The errors of a case by kind, in constant memory: a capped map of kind → count and the first
// message of that kind, so a failed case can say "42 × connection refused: …" instead of only
// "see events.jsonl". A kind is the error's class (error-class.ts) plus its message with the
// parts that vary from sample to sample (numbers) taken out, so 42 refusals are one kind and a
// missing file and a malformed row are two. Kinds past the cap are counted together.
import { counted } from '../config/plural.js';
import { errorClass, type ErrorFacts } from './error-class.js';

export interface ErrorKind {
  /** "connection refused", "HTTP 429 (rate limited)", "DatasetError", … */
  kind: string;
  stage: string;
  count: number;
  /** The first message of this kind, as its sample_error recorded it. */
  first_message: string;
}

export interface ErrorRecord extends ErrorFacts {
  stage: string;
  message: string;
}

/** Distinct kinds kept; beyond them errors are only counted (`other`). */
export const MAX_ERROR_KINDS = 20;
const KEY_CHARS = 160;

/** What makes two errors one kind: their stage, their class and their message's shape. */
export function errorKindKey(error: ErrorRecord): string {
  return `${error.stage}\u0000${errorClass(error)}\u0000${messageClass(error.message)}`;
}

export class ErrorKinds {
  private readonly kinds = new Map<string, ErrorKind>();
  /** Errors of kinds past the cap. */
  other = 0;

  add(error: ErrorRecord): void {
    const kind = errorClass(error);
    const key = errorKindKey(error);
    const known = this.kinds.get(key);
    if (known) known.count += 1;
    else if (this.kinds.size < MAX_ERROR_KINDS) this.kinds.set(key, { kind, stage: error.stage, count: 1, first_message: error.message });
    else this.other += 1;
  }

  /** Most frequent first; ties in the order they first happened. */
  list(): ErrorKind[] {
    return [...this.kinds.values()].sort((a, b) => b.count - a.count);
  }
}

/** The message with what varies per sample (numbers: ports, row numbers, attempts) masked. */
export function messageClass(message: string): string {
  return message.replace(/\d+/g, '#').replace(/\s+/g, ' ').slice(0, KEY_CHARS);
}

/** The part of a message worth a log line: a provider error's last cause ("connect ECONNREFUSED
 *  127.0.0.1:18085 (gave up after 7 attempts)") rather than the SDK's wrapping of it. */
export function essentialMessage(message: string, maxChars = 300): string {
  const causes = message.split('; cause: ');
  const last = causes[causes.length - 1]!.trim();
  const text = causes.length > 1 ? last : message.replace(/^[a-z]+ (?:\d{3}|network error|timed out|malformed response): /, '');
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** `42 × connection refused: connect ECONNREFUSED 127.0.0.1:18085 (gave up after 7 attempts)`,
 *  the `top` most frequent kinds, and a line for the rest. */
export function formatErrorKinds(kinds: readonly ErrorKind[], other = 0, top = 3): string[] {
  const lines = kinds.slice(0, top).map((k) => `${k.count} × ${k.kind}: ${essentialMessage(k.first_message)}`);
  const rest = kinds.slice(top).reduce((n, k) => n + k.count, 0) + other;
  if (rest > 0) lines.push(`… and ${counted(rest, 'more error')} of other kinds`);
  return lines;
}

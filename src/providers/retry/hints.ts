// How long a server asks us to wait, from its headers. Providers say it in different ways:
// `retry-after-ms` (OpenAI), `retry-after` in seconds or as an HTTP date (everyone),
// `x-ratelimit-reset-*` as durations like "1m30s" (OpenAI-compatible) and
// `anthropic-ratelimit-*-reset` as RFC 3339 instants. Pure: the clock is passed in.

/** Header lookup as both Headers and the SDKs' error headers offer it. */
export interface HeaderSource {
  get(name: string): string | null | undefined;
}

/** `retry-after`: delay-seconds (fractions tolerated) or an HTTP date. Past dates mean 0. */
export function parseRetryAfter(value: string, nowMs: number): number | undefined {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  return msUntil(text, nowMs);
}

/** Go-style durations as OpenAI sends them ("6m0s", "1m30s", "20ms", "0.5s", "2h"), or bare seconds. */
export function parseDuration(value: string): number | undefined {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const unitMs: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/g)];
  // The parts must make up the whole text, or it is not a duration.
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return undefined;
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * unitMs[unit!]!, 0);
}

/** An instant (RFC 3339 or HTTP date) as the milliseconds from now until then; 0 when past. */
export function msUntil(instant: string, nowMs: number): number | undefined {
  const at = Date.parse(instant);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

const OPENAI_RESETS = ['requests', 'tokens'];
const ANTHROPIC_RESETS = ['requests', 'tokens', 'input-tokens', 'output-tokens'];

/**
 * The wait a response asks for, in ms, or undefined when it names none. Explicit retry headers
 * come first; then the reset of whichever budget is exhausted (or of every budget named, when
 * none says it is at zero), the longest of them.
 */
export function serverRetryHintMs(headers: HeaderSource, nowMs: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms.trim());
  const after = headers.get('retry-after');
  const fromAfter = after ? parseRetryAfter(after, nowMs) : undefined;
  if (fromAfter !== undefined) return fromAfter;
  return (
    longestReset(headers, OPENAI_RESETS, (b) => `x-ratelimit-remaining-${b}`, (b) => `x-ratelimit-reset-${b}`, parseDuration) ??
    longestReset(
      headers,
      ANTHROPIC_RESETS,
      (b) => `anthropic-ratelimit-${b}-remaining`,
      (b) => `anthropic-ratelimit-${b}-reset`,
      (v) => msUntil(v, nowMs),
    )
  );
}

function longestReset(
  headers: HeaderSource,
  budgets: string[],
  remainingName: (budget: string) => string,
  resetName: (budget: string) => string,
  parse: (value: string) => number | undefined,
): number | undefined {
  const resets = budgets.flatMap((budget) => {
    const value = headers.get(resetName(budget));
    const ms = value ? parse(value) : undefined;
    return ms === undefined ? [] : [{ ms, exhausted: headers.get(remainingName(budget))?.trim() === '0' }];
  });
  const exhausted = resets.filter((r) => r.exhausted);
  const relevant = exhausted.length > 0 ? exhausted : resets;
  return relevant.length > 0 ? Math.max(...relevant.map((r) => r.ms)) : undefined;
}

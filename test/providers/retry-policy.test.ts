// The retry policy's pure parts: the header parsers, backoff, and each decision by status,
// error type and headers.
import { describe, expect, it } from 'vitest';
import { ProviderError, type ProviderErrorType } from '../../src/providers/errors.js';
import { backoffMs } from '../../src/providers/retry/backoff.js';
import { allowedRetries, isRetryable, retryWaitMs } from '../../src/providers/retry/decision.js';
import { msUntil, parseDuration, parseRetryAfter, serverRetryHintMs } from '../../src/providers/retry/hints.js';
import { retryPolicy, RETRY_DEFAULTS } from '../../src/providers/retry/policy.js';

const NOW = Date.parse('2026-01-15T12:00:00Z');
const headers = (values: Record<string, string>) => new Headers(values);

describe('header parsers', () => {
  it.each([
    ['0', 0],
    ['3', 3000],
    ['1.5', 1500],
    ['Thu, 15 Jan 2026 12:00:30 GMT', 30_000],
    ['Thu, 15 Jan 2026 11:59:00 GMT', 0],
    ['soon', undefined],
  ])('retry-after %j → %j ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it.each([
    ['1m30s', 90_000],
    ['6m0s', 360_000],
    ['20ms', 20],
    ['0.5s', 500],
    ['2h', 7_200_000],
    ['1h2m3.5s', 3_723_500],
    ['17', 17_000],
    ['0s', 0],
    ['1m30', undefined],
    ['fast', undefined],
    ['', undefined],
  ])('duration %j → %j ms', (value, ms) => {
    expect(parseDuration(value)).toBe(ms);
  });

  it.each([
    ['2026-01-15T12:00:05Z', 5000],
    ['2026-01-15T12:00:00.250Z', 250],
    ['2026-01-15T13:00:05+01:00', 5000],
    ['2026-01-15T11:00:00Z', 0],
    ['not a date', undefined],
  ])('RFC 3339 %j → %j ms from now', (value, ms) => {
    expect(msUntil(value, NOW)).toBe(ms);
  });
});

describe('serverRetryHintMs: which header wins', () => {
  it('retry-after-ms first, then retry-after', () => {
    expect(serverRetryHintMs(headers({ 'retry-after-ms': '250', 'retry-after': '3' }), NOW)).toBe(250);
    expect(serverRetryHintMs(headers({ 'retry-after': '3', 'x-ratelimit-reset-requests': '1m' }), NOW)).toBe(3000);
    expect(serverRetryHintMs(headers({ 'retry-after': 'Thu, 15 Jan 2026 12:00:02 GMT' }), NOW)).toBe(2000);
  });

  it('OpenAI resets: the exhausted budget’s, else the longest', () => {
    const both = { 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '1m30s' };
    expect(serverRetryHintMs(headers(both), NOW)).toBe(90_000);
    expect(serverRetryHintMs(headers({ ...both, 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-remaining-tokens': '5000' }), NOW)).toBe(1000);
  });

  it('Anthropic resets are RFC 3339 instants', () => {
    const h = headers({
      'anthropic-ratelimit-requests-remaining': '10',
      'anthropic-ratelimit-requests-reset': '2026-01-15T12:00:40Z',
      'anthropic-ratelimit-output-tokens-remaining': '0',
      'anthropic-ratelimit-output-tokens-reset': '2026-01-15T12:00:07Z',
    });
    expect(serverRetryHintMs(h, NOW)).toBe(7000);
  });

  it('nothing to go on: undefined; an unreadable header is ignored', () => {
    expect(serverRetryHintMs(headers({}), NOW)).toBeUndefined();
    expect(serverRetryHintMs(headers({ 'retry-after': 'later', 'retry-after-ms': 'x' }), NOW)).toBeUndefined();
  });
});

describe('backoff', () => {
  const policy = retryPolicy({ retry_sleep: 1, retry_multiplier: 2, retry_max_sleep: 10 });

  it('grows by the multiplier from retry_sleep, capped', () => {
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffMs(retry, policy, 0))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('jitter takes off up to half', () => {
    expect(backoffMs(1, policy, 0.5)).toBe(1500);
    expect(backoffMs(1, policy, 0.999)).toBeGreaterThan(1000);
  });

  it('defaults: 6 retries, 1 s doubling, 64 s cap', () => {
    expect(RETRY_DEFAULTS).toEqual({ max_retries: 6, retry_sleep: 1, retry_multiplier: 2, retry_max_sleep: 64 });
    expect(retryPolicy({})).toEqual({ maxRetries: 6, sleepMs: 1000, multiplier: 2, maxSleepMs: 64_000 });
  });
});

describe('retry decisions', () => {
  const policy = retryPolicy({ max_retries: 3, retry_sleep: 1, retry_multiplier: 2, retry_max_sleep: 64 });
  const failure = (type: ProviderErrorType, extra: { status?: number; code?: string; headers?: Record<string, string> } = {}) =>
    new ProviderError({
      provider: 'p',
      type,
      providerMessage: 'm',
      ...(extra.status === undefined ? {} : { status: extra.status }),
      ...(extra.code === undefined ? {} : { code: extra.code }),
      ...(extra.headers ? { retryAfterMs: serverRetryHintMs(headers(extra.headers), NOW) } : {}),
    });

  it.each([408, 409, 429, 500, 502, 503, 504, 529])('HTTP %i is retried', (status) => {
    expect(isRetryable(failure('http', { status }))).toBe(true);
  });

  it.each([400, 401, 403, 404, 413, 422])('HTTP %i is never retried', (status) => {
    expect(isRetryable(failure('http', { status }))).toBe(false);
    expect(retryWaitMs(failure('http', { status, headers: { 'retry-after': '1' } }), 1, policy, 0)).toBeUndefined();
  });

  it('timeouts and dropped connections are retried; a broken body, a bad name or no mock is not', () => {
    expect(isRetryable(failure('timeout'))).toBe(true);
    expect(isRetryable(failure('network', { code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryable(failure('network', { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isRetryable(failure('network'))).toBe(true);
    expect(isRetryable(failure('malformed'))).toBe(false);
    expect(isRetryable(failure('network', { code: 'ENOTFOUND' }))).toBe(false);
    expect(isRetryable(failure('network', { code: 'EVALMATRIX_UNMOCKED' }))).toBe(false);
  });

  it.each([
    ['429, retry-after: 0', 429, { 'retry-after': '0' }, 0],
    ['429, retry-after: 7', 429, { 'retry-after': '7' }, 7000],
    ['429, retry-after-ms: 120', 429, { 'retry-after-ms': '120' }, 120],
    ['429, x-ratelimit-reset-tokens: 1m30s', 429, { 'x-ratelimit-reset-tokens': '1m30s' }, 64_000],
    ['529, anthropic reset in 5 s', 529, { 'anthropic-ratelimit-requests-reset': '2026-01-15T12:00:05Z' }, 5000],
    ['503, HTTP date', 503, { 'retry-after': 'Thu, 15 Jan 2026 12:00:09 GMT' }, 9000],
    ['500, no headers: backoff', 500, {}, 1000],
  ])('%s → wait %i ms (hints first, capped)', (_what, status, h, wait) => {
    expect(retryWaitMs(failure('http', { status, headers: h }), 1, policy, 0)).toBe(wait);
  });

  it('a refused connection to an endpoint that never answered gets two retries; once it has answered, the policy', () => {
    const refused = failure('network', { code: 'ECONNREFUSED' });
    const six = retryPolicy({});
    const never = { everAnswered: false };
    expect([1, 2, 3].map((attempts) => retryWaitMs(refused, attempts, six, 0, never))).toEqual([1000, 2000, undefined]);
    expect(allowedRetries(refused, six, never)).toBe(2);
    expect(retryWaitMs(refused, 3, six, 0, { everAnswered: true })).toBe(4000);
    expect(allowedRetries(refused, six, { everAnswered: true })).toBe(6);
    // Other failures keep the whole policy before the first answer too; a smaller policy stays smaller.
    expect(allowedRetries(failure('http', { status: 503 }), six, never)).toBe(6);
    expect(allowedRetries(failure('network', { code: 'ECONNRESET' }), six, never)).toBe(6);
    expect(allowedRetries(refused, retryPolicy({ max_retries: 1 }), never)).toBe(1);
  });

  it('backoff grows with the attempts made, and stops after max_retries', () => {
    const serverError = failure('http', { status: 500 });
    expect([1, 2, 3, 4].map((attempts) => retryWaitMs(serverError, attempts, policy, 0))).toEqual([1000, 2000, 4000, undefined]);
    expect(retryWaitMs(serverError, 1, retryPolicy({ max_retries: 0 }), 0)).toBeUndefined();
  });
});

describe('the final error', () => {
  it('says how many attempts were made, and keeps the facts', () => {
    const first = new ProviderError({ provider: 'openai', type: 'http', status: 429, providerMessage: 'Rate limit reached', retryAfterMs: 0 });
    const final = first.afterAttempts(7, 1234);
    expect(final).toMatchObject({ provider: 'openai', status: 429, attempts: 7, retryWaitMs: 1234, providerMessage: 'Rate limit reached' });
    expect(final.message).toBe('openai 429: Rate limit reached (gave up after 7 attempts)');
    expect(first.afterAttempts(1, 0).message).toBe('openai 429: Rate limit reached');
  });
});

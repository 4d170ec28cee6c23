// Exponential backoff with jitter, for retries the server gave no hint for.
import type { RetryPolicy } from './policy.js';

/** The share of a wait that jitter may take off, so that clients failing together spread out. */
export const JITTER = 0.5;

/**
 * The wait before retry number `retry` (0 for the first): sleep × multiplier^retry, capped, then
 * shortened by up to JITTER of itself. `random` is in [0, 1).
 */
export function backoffMs(retry: number, policy: RetryPolicy, random: number): number {
  const capped = Math.min(policy.sleepMs * policy.multiplier ** retry, policy.maxSleepMs);
  return capped * (1 - JITTER * random);
}

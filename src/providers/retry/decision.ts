// Whether a failed request is worth another try, and after how long. Retry what may pass on its
// own (throttling, server faults, timeouts, dropped connections); never a request the server
// refused as it stands, nor a body that came back broken.
import type { ProviderError } from '../errors.js';
import { backoffMs } from './backoff.js';
import type { RetryPolicy } from './policy.js';

const RETRYABLE_STATUS = new Set([408, 409, 429]);

/** Network failures that another try cannot fix: the name does not resolve, the certificate is bad, no mock answers, no recording (replay). */
const PERMANENT_NETWORK_CODES = new Set([
  'ENOTFOUND',
  'ERR_INVALID_URL',
  'EVALMATRIX_UNMOCKED',
  'EVALMATRIX_LATE_SERVER',
  'EVALMATRIX_NOT_RECORDED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A connection the network refused: a server that is not there (yet). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Retries for an unreachable endpoint that has never answered (about 3 s of waiting at the
 * default backoff): a dead port or a typo'd api_base shows in seconds, with its cause, instead
 * of after the whole policy (a minute). Once the endpoint has answered, the policy applies.
 */
const UNPROVEN_ENDPOINT_RETRIES = 2;

export type Failure = Pick<ProviderError, 'type' | 'status' | 'code'>;

export function isRetryable(failure: Failure): boolean {
  switch (failure.type) {
    case 'http':
      return failure.status !== undefined && (RETRYABLE_STATUS.has(failure.status) || failure.status >= 500);
    case 'timeout':
      return true;
    case 'network':
      return failure.code === undefined || !PERMANENT_NETWORK_CODES.has(failure.code);
    case 'malformed':
      return false;
  }
}

/**
 * The wait in ms before the next attempt, or undefined to give up. `attemptsMade` counts the
 * attempts so far (1 after the first failure). A server's hint wins over backoff; both are capped.
 */
export function retryWaitMs(
  failure: Failure & Pick<ProviderError, 'retryAfterMs'>,
  attemptsMade: number,
  policy: RetryPolicy,
  random: number,
  endpoint: { everAnswered: boolean } = { everAnswered: true },
): number | undefined {
  if (!isRetryable(failure) || attemptsMade > allowedRetries(failure, policy, endpoint)) return undefined;
  const wait = failure.retryAfterMs ?? backoffMs(attemptsMade - 1, policy, random);
  return Math.min(wait, policy.maxSleepMs);
}

/** How many retries this failure gets: the policy's, or fewer for an endpoint that never answered. */
export function allowedRetries(failure: Failure, policy: RetryPolicy, endpoint: { everAnswered: boolean } = { everAnswered: true }): number {
  const unproven = !endpoint.everAnswered && failure.type === 'network' && failure.code !== undefined && UNREACHABLE_CODES.has(failure.code);
  return unproven ? Math.min(policy.maxRetries, UNPROVEN_ENDPOINT_RETRIES) : policy.maxRetries;
}

// The retry settings of one backend, from its config, with the defaults in one place.
import type { BackendConfig } from '../../config/schema.js';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The wait before the first retry when the server gives no hint. */
  sleepMs: number;
  multiplier: number;
  /** No wait is longer, a server's hint included. */
  maxSleepMs: number;
}

export const RETRY_DEFAULTS = { max_retries: 6, retry_sleep: 1, retry_multiplier: 2, retry_max_sleep: 64 } as const;

export function retryPolicy(config: Pick<BackendConfig, 'max_retries' | 'retry_sleep' | 'retry_multiplier' | 'retry_max_sleep'>): RetryPolicy {
  return {
    maxRetries: config.max_retries ?? RETRY_DEFAULTS.max_retries,
    sleepMs: (config.retry_sleep ?? RETRY_DEFAULTS.retry_sleep) * 1000,
    multiplier: config.retry_multiplier ?? RETRY_DEFAULTS.retry_multiplier,
    maxSleepMs: (config.retry_max_sleep ?? RETRY_DEFAULTS.retry_max_sleep) * 1000,
  };
}

// A backend's limits toward its provider, from config, with the defaults in one place.
import type { BackendConfig } from '../../config/schema.js';

export interface Limits {
  /** Requests in flight at most (before adaptive halving). */
  maxConcurrency: number;
  rpm: number | undefined;
  tpm: number | undefined;
}

/** High enough never to bind a case's own `concurrency` unless a provider throttles. */
export const DEFAULT_MAX_CONCURRENCY = 64;

export function limitsOf(config: Pick<BackendConfig, 'max_concurrency' | 'rpm' | 'tpm'>): Limits {
  return { maxConcurrency: config.max_concurrency ?? DEFAULT_MAX_CONCURRENCY, rpm: config.rpm, tpm: config.tpm };
}

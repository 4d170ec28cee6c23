// Turns any thrown value into the fields of a sample_error payload. Provider errors carry
// their status and attempts (a judge's too, behind the MetricError naming its metric);
// anything else is described by its name and message.
import { ProviderError } from '../providers/errors.js';
import { MetricError } from './metric-error.js';

export interface ErrorFields {
  error_type: string;
  status: number | null;
  message: string;
  attempts: number;
  /** A network failure's code (ECONNREFUSED, ENOTFOUND…), when it had one. */
  code?: string;
}

export function describeError(error: unknown): ErrorFields {
  if (error instanceof ProviderError) return providerFields(error, error.message);
  if (error instanceof MetricError && error.providerError) return providerFields(error.providerError, error.message);
  if (error instanceof Error) return { error_type: error.name, status: null, message: error.message, attempts: 0 };
  return { error_type: 'unknown', status: null, message: String(error), attempts: 0 };
}

function providerFields(error: ProviderError, message: string): ErrorFields {
  return { error_type: `provider_${error.type}`, status: error.status ?? null, message, attempts: error.attempts, ...(error.code === undefined ? {} : { code: error.code }) };
}

// Turns any thrown value into the fields of a sample_error payload. Provider errors carry
// their status and attempts; anything else is described by its name and message.
import { ProviderError } from '../providers/errors.js';

export interface ErrorFields {
  error_type: string;
  status: number | null;
  message: string;
  attempts: number;
}

export function describeError(error: unknown): ErrorFields {
  if (error instanceof ProviderError) {
    return { error_type: `provider_${error.type}`, status: error.status ?? null, message: error.message, attempts: error.attempts };
  }
  if (error instanceof Error) return { error_type: error.name, status: null, message: error.message, attempts: 0 };
  return { error_type: 'unknown', status: null, message: String(error), attempts: 0 };
}

// Reading a response body we cannot trust: a 2xx from a compatible server may lack anything.

export { isRecord } from '../config/is-record.js';

/** A token count, or 0 when the server did not report it (some compatible servers omit usage). */
export function tokenCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The model the server names, else the configured one. */
export function reportedModel(value: unknown, configured: string): string {
  return typeof value === 'string' && value !== '' ? value : configured;
}

// One row of JSON text (a JSONL line, a JSON array's item) parsed on its own: the object, or
// why it is not one.
import { isPlainObject, kindOf } from '../value-kind.js';

/** `expected` says what a row should be, for the message ("a JSON object per line"). */
export function parseObjectRow(text: string, expected: string): { value: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { error: `invalid JSON: ${(err as Error).message}` };
  }
  return isPlainObject(value) ? { value } : { error: `expected ${expected}, got ${kindOf(value)}` };
}

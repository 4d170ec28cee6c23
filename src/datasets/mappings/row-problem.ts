// Reading a row through a column mapping, one field at a time. A field that is missing or of
// the wrong kind throws a RowProblem, which the preprocessor turns into that row's error; a
// missing column is marked, because on the first row it means the mapping is wrong (see load.ts).
import { describeMissing, readColumn } from '../column-path.js';
import { isPlainObject, kindOf } from '../value-kind.js';

export class RowProblem extends Error {
  constructor(
    message: string,
    /** Set when the column is not in the row at all. */
    readonly missingColumn?: string,
  ) {
    super(message);
  }
}

/** The column's value; `role` says what it is for ("the question"). */
export function column(row: Record<string, unknown>, path: string, role: string): unknown {
  const found = readColumn(row, path);
  if (!found.found) throw new RowProblem(`column "${path}" (${role}) is missing; ${describeMissing(row, path)}`, path);
  return found.value;
}

/** Text: a string as it is, a number or boolean spelled out; never empty. */
export function text(row: Record<string, unknown>, path: string, role: string): string {
  return asText(column(row, path, role), `column "${path}" (${role})`);
}

export function asText(value: unknown, what: string): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'string') throw new RowProblem(`${what} holds ${kindOf(value)}, not text`);
  if (value.trim() === '') throw new RowProblem(`${what} is empty`);
  return value;
}

/** A list: an array, or a string holding a JSON array (as a list column looks in a CSV file). */
export function list(row: Record<string, unknown>, path: string, role: string): unknown[] {
  const value = column(row, path, role);
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && value.trimStart().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not JSON: reported below
    }
  }
  throw new RowProblem(`column "${path}" (${role}) holds ${kindOf(value)}${typeof value === 'string' ? ` "${clip(value)}"` : ''}, not a list`);
}

/** The row's own metadata object, kept under the fields a mapping adds. */
export function rowMetadata(row: Record<string, unknown>): Record<string, unknown> {
  return isPlainObject(row.metadata) ? row.metadata : {};
}

export function clip(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

// Sample ids must not shift between runs, so they come from the row itself when it has one
// and otherwise from the row's position among the file's data rows.

/** `<prefix>-<row number padded to 4 digits>`: ids sort in file order. */
export function positionalId(prefix: string, rowNumber: number): string {
  return `${prefix}-${String(rowNumber).padStart(4, '0')}`;
}

/** The row's own `sample_id` or `id`: a non-empty string, or an integer (CSV and JSON spell
 *  the same id "17" and 17). */
export function ownId(row: Record<string, unknown>): string | undefined {
  for (const key of ['sample_id', 'id']) {
    const value = row[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  }
  return undefined;
}

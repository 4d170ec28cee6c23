// `loader: inline`: rows written in the pipeline YAML itself (`rows: [{...}, ...]`). The schema
// already made each one an object, and at least one.
import type { RowEntry } from '../row-entry.js';

export async function* readInlineRows(rows: ReadonlyArray<Record<string, unknown>>): AsyncGenerator<RowEntry> {
  for (const [index, value] of rows.entries()) yield { line: index + 1, value };
}

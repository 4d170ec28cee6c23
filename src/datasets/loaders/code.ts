// Rows supplied from TypeScript: defineEvalSuite(config, {datasets: {<id>: rows}}) gives a
// `loader: code` dataset its rows, or replaces another loader's. An array, or a function
// returning an iterable, an async iterable or a promise of either; a function is called once
// per case, so each case streams the rows afresh (a generator is never shared between cases).
import { DatasetError } from '../dataset-error.js';
import type { RowEntry } from '../row-entry.js';
import { isPlainObject, kindOf } from '../value-kind.js';

export type DatasetRow = Record<string, unknown>;
export type RowIterable = Iterable<DatasetRow> | AsyncIterable<DatasetRow>;
export type DatasetRows = readonly DatasetRow[] | (() => RowIterable | Promise<RowIterable>);

export async function* readCodeRows(rows: DatasetRows): AsyncGenerator<RowEntry> {
  const source: unknown = typeof rows === 'function' ? await rows() : rows;
  if (!isIterable(source)) {
    throw new DatasetError(`the rows function returned ${kindOf(source)}; return an array, an iterable or an async iterable of row objects`);
  }
  let line = 0;
  for await (const row of source) {
    line += 1;
    yield isPlainObject(row) ? { line, value: row } : { line, error: `row is ${kindOf(row)}, not an object of columns` };
  }
}

/** What defineEvalSuite accepts for one dataset (checked when the suite is defined). */
export function isDatasetRows(value: unknown): value is DatasetRows {
  return Array.isArray(value) || typeof value === 'function';
}

function isIterable(value: unknown): value is Iterable<unknown> | AsyncIterable<unknown> {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  return Symbol.iterator in value || Symbol.asyncIterator in value;
}

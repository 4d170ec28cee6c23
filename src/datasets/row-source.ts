// Where a dataset's rows come from, whatever the loader: one stream of RowEntry, and the words
// that name the source and one of its rows in messages. load.ts reads every dataset the same
// way through this.
import { resolve } from 'node:path';
import type { DatasetSpec } from '../config/schema.js';
import { DatasetError } from './dataset-error.js';
import { hubLabel, readHubRows, type HubReadOptions } from './hf-hub.js';
import { readCodeRows, type DatasetRows } from './loaders/code.js';
import { CSV, readDelimitedRows, TSV } from './loaders/csv.js';
import { readInlineRows } from './loaders/inline.js';
import { readJsonRows } from './loaders/json.js';
import { readJsonl } from './loaders/jsonl.js';
import type { RowEntry } from './row-entry.js';

export interface RowSource {
  /** The file's absolute path, the hub split (hf://…), or "inline rows" / "rows from defineEvalSuite". */
  label: string;
  /** How one row is named in messages: `<file>:<line>`, or `<label> row <n>`. */
  at(line: number): string;
  rows: AsyncIterable<RowEntry>;
}

export interface RowSourceOptions {
  hub?: HubReadOptions;
  /** Rows given in TypeScript for this dataset: they replace whatever its loader would read. */
  rows?: DatasetRows;
}

export function openRowSource(spec: DatasetSpec & { resolvedPath?: string | undefined }, options: RowSourceOptions): RowSource {
  if (options.rows !== undefined) return counted(spec.dataset_id, 'rows from defineEvalSuite', readCodeRows(options.rows));
  switch (spec.loader) {
    case 'code':
      throw new DatasetError(`it has loader: code, but no rows were given for it. Pass them in the eval file: defineEvalSuite(config, {datasets: {${spec.dataset_id}: rows}})`);
    case 'inline':
      return counted(spec.dataset_id, 'inline rows', readInlineRows(spec.rows));
    case 'hf_hub':
      return lined(hubLabel(spec.hub_params), readHubRows(spec.hub_params, options.hub));
  }
  const file = resolve(spec.resolvedPath ?? spec.path);
  switch (spec.loader) {
    case 'jsonl':
      return lined(file, readJsonl(file));
    case 'json':
      return lined(file, readJsonRows(file, spec.key));
    case 'csv':
      return lined(file, readDelimitedRows(file, spec.delimiter === undefined ? CSV : { ...CSV, delimiter: spec.delimiter }));
    case 'tsv':
      return lined(file, readDelimitedRows(file, TSV));
  }
}

/** A file or hub split: rows are named by line (or row number), editor-style. */
function lined(label: string, rows: AsyncIterable<RowEntry>): RowSource {
  return { label, at: (line) => `${label}:${line}`, rows };
}

/** Rows without a file: named by the dataset and their number. */
function counted(id: string, label: string, rows: AsyncIterable<RowEntry>): RowSource {
  return { label, at: (line) => `dataset "${id}" (${label}) row ${line}`, rows };
}

// Streams a dataset's items to the runner: read rows from their source (any loader, or rows
// given in TypeScript), preprocess, and turn every failure into a RowError that names the
// source and line, so one bad row costs one sample rather than the run. What makes the whole
// dataset meaningless fails the case instead, once, with a DatasetError: no rows at all, a
// source that cannot be read, or a mapped column missing from the very first row (a wrong
// mapping, which would otherwise repeat the same error on every row).
import type { DatasetSpec } from '../config/schema.js';
import { DatasetError } from './dataset-error.js';
import type { HubReadOptions } from './hf-hub.js';
import type { DatasetRows } from './loaders/code.js';
import { preprocessorFor } from './preprocessors.js';
import type { Preprocessed } from './preprocessor.js';
import type { RowEntry } from './row-entry.js';
import { openRowSource, type RowSource } from './row-source.js';
import type { DatasetItem } from './sample.js';

export interface LoadOptions {
  /** Take only the first N data rows; bad rows count, since they are samples that errored. */
  maxSamples?: number;
  /** For hf_hub datasets: environment and retry pacing. */
  hub?: HubReadOptions;
  /** Rows given in TypeScript (defineEvalSuite's `datasets`): they replace the loader's. */
  rows?: DatasetRows;
}

/** `resolvedPath` is the file made absolute (see config/cases.ts); other loaders have none. */
export async function* loadDataset(
  spec: DatasetSpec & { resolvedPath?: string | undefined },
  options: LoadOptions = {},
): AsyncGenerator<DatasetItem> {
  const id = spec.dataset_id;
  const preprocessor = preprocessorFor(spec.params.preprocess);
  const limit = options.maxSamples ?? Infinity;
  if (limit <= 0) return;
  let source: RowSource;
  try {
    source = openRowSource(spec, options);
  } catch (error) {
    throw named(id, error);
  }

  let rowNumber = 0;
  let columnsChecked = false;
  const rows = source.rows[Symbol.asyncIterator]();
  // Returning from inside the loop closes the row source: the rest is never read or fetched.
  try {
    for (;;) {
      let next: IteratorResult<RowEntry>;
      try {
        next = await rows.next();
      } catch (error) {
        throw named(id, error);
      }
      if (next.done) break;
      const entry = next.value;
      rowNumber += 1;
      const result: Preprocessed =
        entry.error === undefined
          ? preprocessor.apply(entry.value, rowNumber)
          : { ok: false as const, sample_id: preprocessor.fallbackId(rowNumber), message: entry.error };
      if (entry.error === undefined && !columnsChecked) {
        columnsChecked = true;
        if (!result.ok && result.missingColumn !== undefined) {
          throw new DatasetError(`dataset "${id}": ${source.at(entry.line)}: ${result.message}. The mapping in params.preprocess names a column this dataset does not have: fix the mapping or the file`);
        }
      }
      yield result.ok
        ? { ok: true, sample: result.sample }
        : { ok: false, error: { sample_id: result.sample_id, file: source.label, line: entry.line, message: `${source.at(entry.line)}: ${result.message}` } };
      if (rowNumber >= limit) return;
    }
  } finally {
    await rows.return?.();
  }
  if (rowNumber === 0) throw new DatasetError(`dataset "${id}" is empty (${source.label}): it has no rows`);
}

/** What reading the source threw, as the dataset's failure, named. */
function named(id: string, error: unknown): DatasetError {
  if (error instanceof DatasetError && error.message.startsWith(`dataset "${id}"`)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DatasetError(`dataset "${id}": ${message}`, { cause: error });
}

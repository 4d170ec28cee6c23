// Streams a dataset's items to the runner: read, preprocess, and turn every failure into a
// RowError that says file:line, so one bad row costs one sample rather than the run.
import { resolve } from 'node:path';
import type { DatasetSpec } from '../config/schema.js';
import { readJsonl } from './jsonl.js';
import { none } from './none.js';
import { piqa } from './piqa.js';
import type { Preprocessor } from './preprocessor.js';
import type { DatasetItem } from './sample.js';

const PREPROCESSORS: Record<DatasetSpec['params']['preprocess'], Preprocessor> = { piqa, none };

export interface LoadOptions {
  /** Take only the first N data rows; bad rows count, since they are samples that errored. */
  maxSamples?: number;
}

export async function* loadDataset(
  spec: DatasetSpec & { resolvedPath: string },
  options: LoadOptions = {},
): AsyncGenerator<DatasetItem> {
  const file = resolve(spec.resolvedPath);
  const preprocessor = PREPROCESSORS[spec.params.preprocess];
  const limit = options.maxSamples ?? Infinity;
  if (limit <= 0) return;

  let rowNumber = 0;
  // Returning from inside the loop closes readJsonl's stream: the rest is never read.
  for await (const entry of readJsonl(file)) {
    rowNumber += 1;
    const result =
      entry.error === undefined
        ? preprocessor.apply(entry.value, rowNumber)
        : { ok: false as const, sample_id: preprocessor.fallbackId(rowNumber), message: entry.error };
    yield result.ok
      ? { ok: true, sample: result.sample }
      : {
          ok: false,
          error: { sample_id: result.sample_id, file, line: entry.line, message: `${file}:${entry.line}: ${result.message}` },
        };
    if (rowNumber >= limit) return;
  }
}

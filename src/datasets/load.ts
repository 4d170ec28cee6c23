// Streams a dataset's items to the runner: read rows from their source (a JSONL file or a
// Hugging Face hub split), preprocess, and turn every failure into a RowError that names the
// source and line, so one bad row costs one sample rather than the run.
import { resolve } from 'node:path';
import type { DatasetSpec, PreprocessName } from '../config/schema.js';
import { hubLabel, readHubRows, type HubReadOptions } from './hf-hub.js';
import { readJsonl } from './jsonl.js';
import { none } from './none.js';
import { piqa } from './piqa.js';
import type { Preprocessor } from './preprocessor.js';
import type { RowEntry } from './row-entry.js';
import type { DatasetItem } from './sample.js';

/** Built-in preprocessors implemented so far; the others are added with their loaders. */
const PREPROCESSORS: Partial<Record<PreprocessName, Preprocessor>> = { piqa, none };

function preprocessorFor(spec: DatasetSpec): Preprocessor {
  const preprocess = spec.params.preprocess;
  const found = typeof preprocess === 'string' ? PREPROCESSORS[preprocess] : undefined;
  if (!found) throw new Error(`dataset "${spec.dataset_id}": preprocess ${JSON.stringify(preprocess)} is not available yet`);
  return found;
}

export interface LoadOptions {
  /** Take only the first N data rows; bad rows count, since they are samples that errored. */
  maxSamples?: number;
  /** For hf_hub datasets: environment and retry pacing. */
  hub?: HubReadOptions;
}

/** `resolvedPath` is the JSONL file made absolute (see config/cases.ts); hub datasets have none. */
export async function* loadDataset(
  spec: DatasetSpec & { resolvedPath?: string | undefined },
  options: LoadOptions = {},
): AsyncGenerator<DatasetItem> {
  const preprocessor = preprocessorFor(spec);
  const limit = options.maxSamples ?? Infinity;
  if (limit <= 0) return;
  const { source, rows } = openRows(spec, options);

  let rowNumber = 0;
  // Returning from inside the loop closes the row source: the rest is never read or fetched.
  for await (const entry of rows) {
    rowNumber += 1;
    const result =
      entry.error === undefined
        ? preprocessor.apply(entry.value, rowNumber)
        : { ok: false as const, sample_id: preprocessor.fallbackId(rowNumber), message: entry.error };
    yield result.ok
      ? { ok: true, sample: result.sample }
      : {
          ok: false,
          error: { sample_id: result.sample_id, file: source, line: entry.line, message: `${source}:${entry.line}: ${result.message}` },
        };
    if (rowNumber >= limit) return;
  }
}

function openRows(spec: DatasetSpec & { resolvedPath?: string | undefined }, options: LoadOptions): { source: string; rows: AsyncGenerator<RowEntry> } {
  if (spec.loader === 'hf_hub') return { source: hubLabel(spec.hub_params), rows: readHubRows(spec.hub_params, options.hub) };
  if (spec.loader !== 'jsonl') throw new Error(`dataset "${spec.dataset_id}": loader "${spec.loader}" is not available yet`);
  const file = resolve(spec.resolvedPath ?? spec.path);
  return { source: file, rows: readJsonl(file) };
}

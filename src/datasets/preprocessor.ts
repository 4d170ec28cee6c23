// The contract between the loader and a dataset format: one parsed row in, a Sample or a
// reason out. Preprocessors are pure, so tests call them directly.
import type { Sample } from './sample.js';

export type Preprocessed =
  | { ok: true; sample: Sample }
  | {
      ok: false;
      sample_id: string;
      message: string;
      /** The mapped column the row lacks: on the dataset's first row, the whole case fails on it. */
      missingColumn?: string;
    };

export interface Preprocessor {
  /** Id for a row that could not even be parsed, so its error still has a stable id. */
  fallbackId(rowNumber: number): string;
  /** `rowNumber` is the 1-based index among data rows (blank lines excluded, bad rows included). */
  apply(row: Record<string, unknown>, rowNumber: number): Preprocessed;
}

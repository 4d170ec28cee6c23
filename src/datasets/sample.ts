// What a dataset yields to the runner: either a sample or a row that could not be read.
// A bad row never stops the dataset; it becomes one sample_error and the rest go on.

export interface Sample {
  /** Stable across runs for the same file: `<prefix>-<4-digit row number>` for piqa. */
  sample_id: string;
  /** The question shown to the model (piqa: `goal`). */
  question?: string;
  /** The expected answer (piqa: the option letter). */
  reference?: string;
  /** Free-form extra fields; piqa puts `option_map: {A, B}` here. */
  metadata: Record<string, unknown>;
  /** Every other field of the source row stays reachable from templates (`sample.goal`). */
  [field: string]: unknown;
}

export interface RowError {
  sample_id: string;
  /** Absolute path of the source file (hf://… for a hub split; a description for inline rows
   *  and rows from TypeScript). */
  file: string;
  /** 1-based line in the source file (the row's number where there are no lines). */
  line: number;
  message: string;
}

export type DatasetItem = { ok: true; sample: Sample } | { ok: false; error: RowError };

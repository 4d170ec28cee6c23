// What a row source (a JSONL file, a hub split) yields to the loader: a row, or why it is
// unusable, with the 1-based line or row number that names it in errors.
export type RowEntry =
  | { line: number; value: Record<string, unknown>; error?: undefined }
  | { line: number; value?: undefined; error: string };

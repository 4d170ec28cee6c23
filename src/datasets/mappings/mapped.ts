// A preprocessor from a function that reads one row into a sample and throws RowProblem when it
// cannot: ids (the row's own, else `<prefix>-<row number>`) and errors handled once for all.
import type { Preprocessor } from '../preprocessor.js';
import { ownId, positionalId } from '../row-id.js';
import type { Sample } from '../sample.js';
import { RowProblem } from './row-problem.js';

export function mapped(prefix: string, read: (row: Record<string, unknown>, sampleId: string) => Sample): Preprocessor {
  return {
    fallbackId: (rowNumber) => positionalId(prefix, rowNumber),
    apply(row, rowNumber) {
      const sample_id = ownId(row) ?? positionalId(prefix, rowNumber);
      try {
        return { ok: true, sample: read(row, sample_id) };
      } catch (error) {
        if (!(error instanceof RowProblem)) throw error;
        return { ok: false, sample_id, message: error.message, ...(error.missingColumn === undefined ? {} : { missingColumn: error.missingColumn }) };
      }
    },
  };
}

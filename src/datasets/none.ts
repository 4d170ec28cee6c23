// The pass-through format: a row already shaped like a sample. Only the fields every
// consumer relies on (sample_id, reference, metadata) are normalised.
import type { Preprocessor } from './preprocessor.js';
import { ownId, positionalId } from './row-id.js';
import { isPlainObject } from './value-kind.js';

export const none: Preprocessor = {
  fallbackId: (rowNumber) => positionalId('row', rowNumber),
  apply(row, rowNumber) {
    const sample_id = ownId(row) ?? positionalId('row', rowNumber);
    const reference = [row.reference, row.answer, row.label].find((v) => typeof v === 'string');
    const metadata = isPlainObject(row.metadata) ? row.metadata : {};
    return { ok: true, sample: { ...row, sample_id, reference, metadata } };
  },
};

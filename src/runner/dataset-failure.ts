// A dataset that could not be read as a whole (a folder, no rows, an unreadable file, a mapping
// naming a column it lacks) fails its case whatever the thresholds and the error budget say: a
// case that scored nothing, or part of the data, proves nothing. Pure, so tests call it.
import type { Verdict } from './verdict.js';

export function failedByDataset(verdict: Verdict, failure: unknown): Verdict {
  if (failure === undefined) return verdict;
  const message = failure instanceof Error ? failure.message : String(failure);
  return { ...verdict, status: 'failed', reasons: [message, ...verdict.reasons] };
}

// A case ended early: its signal aborted (SIGINT/SIGTERM, a cancelled run, a test timeout, an
// output that could not be written). The samples it finished stay as they are; those cut off
// mid-flight are neither errors nor counted; case_end and the summary say `interrupted` and why.
// The same record serves a later resume: what is in events.jsonl is what was done.
import type { CaseSummary } from './summary.js';

export function isInterrupted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

export function caseEndStatus(signal: AbortSignal | undefined): 'completed' | 'interrupted' {
  return isInterrupted(signal) ? 'interrupted' : 'completed';
}

/** The verdict as it stands, marked interrupted with the reason when the case was. */
export function withInterruption<V extends { status: CaseSummary['status']; reasons: string[] }>(verdict: V, signal: AbortSignal | undefined): V {
  if (!isInterrupted(signal)) return verdict;
  return { ...verdict, status: 'interrupted', reasons: [`interrupted: ${describeReason(signal!.reason)}`, ...verdict.reasons] };
}

function describeReason(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : 'the run was stopped';
}

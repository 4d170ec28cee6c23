// What resuming a run means for one case, from its folder in that run: kept (it finished: its
// summary stays, nothing is rerun), resumed (its events say which samples finished; the rest
// run now and append), fresh (the run never reached it: it runs whole into the run's folder) or
// refused (its config changed since the run, so old and new samples would not be comparable).
// With `errors`, a finished case that had errors is resumed too, and its failed trials rerun.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CaseSpec } from '../../config/cases.js';
import { displayPath } from '../../config/display-path.js';
import { fingerprintChanges, type CaseFingerprint } from '../../runner/case-fingerprint.js';
import type { PayloadOf } from '../../runner/events.js';
import type { RestorePrior } from '../../runner/prior-work.js';
import { summarySchema, type Summary } from '../../runner/summary.js';
import { readEventLines } from './event-lines.js';
import { restoreCase, type Rerun } from './restore.js';
import { TrialLedger } from './trial-ledger.js';

export type CaseResume =
  | { kind: 'fresh' }
  | { kind: 'kept'; summary: Summary }
  | { kind: 'resumed'; restore: RestorePrior }
  | { kind: 'refused'; message: string };

export interface CaseResumeInput {
  spec: CaseSpec;
  /** The case's folder in the run being resumed: <root>/<model>/<task>/<run_id>. */
  dir: string;
  runId: string;
  mode: 'mock' | 'live';
  fingerprint: CaseFingerprint;
  rerun: Rerun;
}

export function caseResume(input: CaseResumeInput): CaseResume {
  const { spec, dir, rerun } = input;
  const summary = readSummary(path.join(dir, 'summary.json'));
  const finished = summary !== undefined && summary.status !== 'interrupted' && !(rerun === 'errors' && hadErrors(summary));
  const events = path.join(dir, 'events.jsonl');
  if (!existsSync(events)) return finished ? { kind: 'kept', summary } : { kind: 'fresh' };
  // A finished case is checked too: keeping it under a changed config would mix two configs in one run.
  if (finished) return refusal(input, firstEvent(events)) ?? { kind: 'kept', summary };
  const ledger = new TrialLedger({ metricIds: spec.metrics.map((m) => m.metric_id), repeats: spec.task.repeats });
  for (const event of readEventLines(events)) ledger.add(event);
  if (ledger.repeatedIds.size > 0) {
    const ids = [...ledger.repeatedIds].slice(0, 3).join(', ');
    return { kind: 'refused', message: `cannot resume run ${input.runId} for ${spec.name} (${displayPath(dir)}): rows of its dataset share a sample_id (${ids}${ledger.repeatedIds.size > 3 ? ', …' : ''}), and a resume tells samples apart by it. Give each row its own id (an \`id\` or \`sample_id\` column) and run the evals anew.` };
  }
  return refusal(input, ledger.lastStart) ?? { kind: 'resumed', restore: (aggregate) => restoreCase(ledger, aggregate, rerun) };
}

function refusal(input: CaseResumeInput, start: PayloadOf<'case_start'> | undefined): CaseResume | undefined {
  // No case_start on disk: nothing was done that a change could make incomparable.
  if (start === undefined) return undefined;
  const changes = fingerprintChanges(input.spec, start.fingerprint, input.fingerprint);
  if (start.mode !== input.mode) changes.unshift(`the mode (${start.mode} then, ${input.mode} now: EVALMATRIX_MODE)`);
  if (changes.length === 0) return undefined;
  return {
    kind: 'refused',
    message: `cannot resume run ${input.runId} for ${input.spec.name} (${displayPath(input.dir)}): its config changed since that run: ${changes.join('; ')}. Undo the change to resume the run, or run the evals anew without EVALMATRIX_RESUME.`,
  };
}

/** The case's first case_start: the first line, which a run writes before anything else. */
function firstEvent(file: string): PayloadOf<'case_start'> | undefined {
  for (const event of readEventLines(file)) return event.event === 'case_start' ? event.payload : undefined;
  return undefined;
}

function hadErrors(summary: Summary): boolean {
  return summary.error_count > 0 || (summary.trial_error_count ?? 0) > 0;
}

/** A summary.json that cannot be read counts as none: the events say what was done. */
function readSummary(file: string): Summary | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return summarySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

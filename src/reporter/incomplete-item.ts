// The index item of a case that has events but no summary.json: a run killed before the case
// ended (SIGKILL, a crash, a power cut). Its counts and metrics come from its events, folded
// the way a resume folds them (recordings/resume/), so the index shows what the case had done
// — samples whose trials all finished, and those with some — marked `incomplete`.
import path from 'node:path';
import { readEventLines } from '../recordings/resume/event-lines.js';
import { restoreCase } from '../recordings/resume/restore.js';
import { TrialLedger } from '../recordings/resume/trial-ledger.js';
import { CaseAggregate } from '../runner/aggregate.js';
import type { MetricSummary } from '../runner/summary.js';

export interface IncompleteCase {
  task_id: string;
  backend: string;
  sample_count: number;
  error_count: number;
  metrics: MetricSummary[];
}

/** `segments`: <model>/<task>/<run_id>/events.jsonl under `root`. */
export function incompleteCase(root: string, segments: readonly string[]): IncompleteCase {
  const ledger = new TrialLedger();
  for (const event of readEventLines(path.join(root, ...segments))) ledger.add(event);
  const { metricIds, repeats } = ledger.caseShape();
  const aggregate = new CaseAggregate(metricIds, repeats);
  restoreCase(ledger, aggregate, 'unfinished');
  aggregate.finish();
  return {
    task_id: ledger.lastStart?.task_id ?? segments[1]!,
    backend: ledger.lastStart?.model ?? segments[0]!,
    sample_count: aggregate.sampleCount,
    error_count: aggregate.errorCount,
    metrics: aggregate.metricSummaries(),
  };
}

// One run of a pipeline as the report and the comparison see it: every case folder of that
// run_id, with its summary (when readable) and the first pass over its events (when present).
// Whatever cannot be read is listed in `problems` with its path; the rest is still read.
import path from 'node:path';
import { displayPath } from '../../config/display-path.js';
import { EVENTS_FILE, listCaseFolders, runIdsOf, SUMMARY_FILE, type CaseFolder } from './case-folders.js';
import { Problems } from './problems.js';
import { scanCase, type CaseScan, type KeepRecords } from './scan-case.js';
import { readReportSummary, type ReportSummary } from './summary-view.js';

export interface ScannedCase {
  folder: CaseFolder;
  /** The task id and model as the case names them (summary, else case_start, else the folders). */
  task_id: string;
  model: string;
  summary: ReportSummary | null;
  scan: CaseScan | null;
}

export interface ScannedRun {
  /** Absolute path of the pipeline root. */
  root: string;
  run_id: string;
  /** metadata.name, when a summary says it; else the root's folder name. */
  pipeline: string;
  cases: ScannedCase[];
  problems: string[];
}

/** `task › model`, the name a case goes by in every output. */
export function caseLabel(c: Pick<ScannedCase, 'task_id' | 'model'>): string {
  return `${c.task_id} › ${c.model}`;
}

/** The run ids under a root, oldest first. */
export function listRuns(root: string): string[] {
  return runIdsOf(listCaseFolders(root));
}

/** First passes already made for some events files (report/run-tap.ts); undefined: read the file. */
export type KnownScans = (eventsFile: string) => CaseScan | undefined;

/** `keep`: also collect the samples' records of cases within the cap (the report does). */
export async function scanRun(root: string, runId: string, keep?: KeepRecords, known?: KnownScans): Promise<ScannedRun> {
  const problems = new Problems();
  const cases: ScannedCase[] = [];
  for (const folder of listCaseFolders(root).filter((f) => f.run_id === runId)) {
    let summary: ReportSummary | null = null;
    if (folder.hasSummary) {
      const read = readReportSummary(path.join(folder.dir, SUMMARY_FILE));
      if ('summary' in read) summary = read.summary;
      else problems.push(`${read.problem}; the case is shown from its events.jsonl`);
    } else {
      problems.push(`${displayPath(folder.dir)}: no ${SUMMARY_FILE} (the case did not finish); shown from its ${EVENTS_FILE}`);
    }
    let scan: CaseScan | null = null;
    const eventsFile = path.join(folder.dir, EVENTS_FILE);
    if (folder.hasEvents) scan = known?.(eventsFile) ?? (await scanCase(eventsFile, problems, keep));
    else problems.push(`${displayPath(folder.dir)}: no ${EVENTS_FILE}, so its samples are not shown`);
    cases.push({
      folder,
      task_id: summary?.run.task_id ?? scan?.start?.task_id ?? folder.task,
      model: summary?.run.model ?? scan?.start?.model ?? folder.model,
      summary,
      scan,
    });
  }
  const pipeline = cases.find((c) => c.summary)?.summary?.run.metadata.pipeline ?? path.basename(root);
  return { root, run_id: runId, pipeline, cases, problems: problems.list() };
}

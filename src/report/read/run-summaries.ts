// The summaries of one run of a pipeline, without reading its events: what a job summary needs,
// cheap however long the run. A summary that cannot be read is a problem with its path.
import path from 'node:path';
import { listCaseFolders, SUMMARY_FILE } from './case-folders.js';
import { readReportSummary, type ReportSummary } from './summary-view.js';

export interface RunSummaries {
  summaries: ReportSummary[];
  problems: string[];
}

export function readRunSummaries(root: string, runId: string): RunSummaries {
  const summaries: ReportSummary[] = [];
  const problems: string[] = [];
  for (const folder of listCaseFolders(root).filter((f) => f.run_id === runId && f.hasSummary)) {
    const read = readReportSummary(path.join(folder.dir, SUMMARY_FILE));
    if ('summary' in read) summaries.push(read.summary);
    else problems.push(read.problem);
  }
  return { summaries, problems };
}

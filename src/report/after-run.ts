// The report written after every run: the plugin hands this to the reporter as its afterRun
// hook, so the reporter (which must not depend on the report) only knows "call this at the end".
import { displayPath } from '../config/display-path.js';
import { DEFAULT_LIMITS } from './html/limits.js';
import { RunTap } from './run-tap.js';
import { describeReport, writeReport } from './write-report.js';

export interface AfterRunReportOptions {
  /** Compare each pipeline's latest run with this one: `previous`, a run id, a runs folder. */
  baseline?: string;
}

/** A tap for the reporter's events (its onEventsWritten), so the report need not read them back. */
export function reportTap(): RunTap {
  return new RunTap({ upTo: DEFAULT_LIMITS.maxSamplesPerCase, maxTextChars: DEFAULT_LIMITS.maxTextChars });
}

export function reportAfterRun(options: AfterRunReportOptions = {}, tap?: RunTap) {
  return async (roots: readonly string[], log: (line: string) => void): Promise<void> => {
    try {
      for (const root of roots) await reportOne(root, options, tap, log);
    } finally {
      tap?.clear();
    }
  };
}

async function reportOne(root: string, options: AfterRunReportOptions, tap: RunTap | undefined, log: (line: string) => void): Promise<void> {
  const written = await writeReport(root, { baseline: options.baseline, ...(tap ? { known: (file: string) => tap.scanOf(file) } : {}) });
  if ('error' in written) {
    log(`evalmatrix: no report for ${displayPath(root)}: ${written.error}`);
    return;
  }
  const { warnings, line } = describeReport(written);
  for (const w of warnings) log(`evalmatrix: report: ${w}`);
  log(`evalmatrix: ${line}`);
}

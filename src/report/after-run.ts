// The report written after every run: the plugin hands this to the reporter as its afterRun
// hook, so the reporter (which must not depend on the report) only knows "call this at the end".
import { displayPath } from '../config/display-path.js';
import { describeReport, writeReport } from './write-report.js';

export interface AfterRunReportOptions {
  /** Compare each pipeline's latest run with this one: `previous`, a run id, a runs folder. */
  baseline?: string;
}

export function reportAfterRun(options: AfterRunReportOptions = {}) {
  return async (roots: readonly string[], log: (line: string) => void): Promise<void> => {
    for (const root of roots) {
      const written = await writeReport(root, { baseline: options.baseline });
      if ('error' in written) {
        log(`evalmatrix: no report for ${displayPath(root)}: ${written.error}`);
        continue;
      }
      const { warnings, line } = describeReport(written);
      for (const w of warnings) log(`evalmatrix: report: ${w}`);
      log(`evalmatrix: ${line}`);
    }
  };
}

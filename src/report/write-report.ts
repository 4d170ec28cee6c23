// Writes a pipeline's report.html: the run asked for (the latest by default), compared with a
// baseline when one is named. Used by `evalmatrix report` and, after every run, by the plugin.
import path from 'node:path';
import { writeFileAtomic } from '../reporter/atomic-write.js';
import { displayPath } from '../config/display-path.js';
import { counted } from '../config/plural.js';
import { compareRuns, type RunComparison } from './compare/compare-runs.js';
import { verdictLine } from './compare/format.js';
import { buildReportData } from './html/report-data.js';
import { DEFAULT_LIMITS, type ReportLimits } from './html/limits.js';
import { renderReportHtml } from './html/render-html.js';
import { resolveRun } from './read/resolve-run.js';
import { scanRun, type KnownScans } from './read/scan-run.js';

export const REPORT_FILE = 'report.html';

export interface WriteReportOptions {
  /** Default: <root>/report.html. */
  outFile?: string;
  /** Which run to show (default `latest`): see resolveRun. */
  run?: string;
  /** A run to compare with: `previous`, a run id, a run or pipeline folder. */
  baseline?: string;
  limits?: Partial<ReportLimits>;
  /** First passes of the shown run's cases already made (the after-run report's RunTap). */
  known?: KnownScans;
}

export interface WrittenReport {
  file: string;
  run_id: string;
  cases: number;
  bytes: number;
  /** What was found and skipped, with paths. */
  problems: string[];
  comparison: RunComparison | null;
  /** Why there is no comparison although a baseline was named. */
  comparisonNote: string | null;
}

/** The comparison of the run shown with `baseline`, or why there is none (a note). */
export async function comparisonFor(root: string, runId: string, baseline: string | undefined, current: Awaited<ReturnType<typeof scanRun>>) {
  if (baseline === undefined) return { comparison: null, note: null, problems: [] };
  const ref = resolveRun(baseline, root);
  if ('error' in ref) return { comparison: null, note: `No comparison with "${baseline}": ${ref.error}`, problems: [] };
  if (path.resolve(ref.root) === path.resolve(root) && ref.run_id === runId) {
    return { comparison: null, note: `No comparison: the baseline "${baseline}" is the run shown (${runId})`, problems: [] };
  }
  const base = await scanRun(ref.root, ref.run_id);
  return { comparison: compareRuns(base, current), note: null, problems: base.problems.map((p) => `baseline: ${p}`) };
}

/** Writes the report; `{error}` when the root holds no run to show (nothing is written then). */
export async function writeReport(root: string, options: WriteReportOptions = {}): Promise<WrittenReport | { error: string }> {
  const ref = resolveRun(options.run ?? 'latest', root);
  if ('error' in ref) return ref;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const run = await scanRun(ref.root, ref.run_id, { upTo: limits.maxSamplesPerCase, maxTextChars: limits.maxTextChars }, options.known);
  const cmp = await comparisonFor(ref.root, ref.run_id, options.baseline, run);
  const outFile = path.resolve(options.outFile ?? path.join(root, REPORT_FILE));
  const { data, samples } = await buildReportData(
    { ...run, problems: [...run.problems, ...cmp.problems] },
    { outFile, limits, comparison: cmp.comparison, comparisonNote: cmp.note },
  );
  const html = renderReportHtml(data, samples);
  writeFileAtomic(outFile, html);
  return {
    file: outFile,
    run_id: run.run_id,
    cases: run.cases.length,
    bytes: Buffer.byteLength(html),
    problems: data.problems,
    comparison: cmp.comparison,
    comparisonNote: cmp.note,
  };
}

/** What to tell the user about a written report: what was skipped, then one line naming it. */
export function describeReport(written: WrittenReport): { warnings: string[]; line: string } {
  const cmp = written.comparison;
  const compared = cmp ? `; against ${cmp.baseline.run_id}: ${verdictLine(cmp)}` : '';
  return {
    warnings: written.comparisonNote ? [...written.problems, written.comparisonNote] : written.problems,
    line: `${displayPath(written.file)} (run ${written.run_id}, ${counted(written.cases, 'case')}, ${Math.ceil(written.bytes / 1024)} KB${compared})`,
  };
}

// What the plugin does after every run, pipeline by pipeline: the HTML report (unless turned
// off), and in a CI job that has a summary page (GITHUB_STEP_SUMMARY set) the run as Markdown
// appended to it. The plugin hands this to the reporter as its afterRun hook, so the reporter
// (which must not depend on the report) only knows "call this at the end".
import { appendFileSync } from 'node:fs';
import { displayPath } from '../config/display-path.js';
import { stepSummaryMarkdown } from './ci/step-summary.js';
import type { RunComparison } from './compare/compare-runs.js';
import { DEFAULT_LIMITS } from './html/limits.js';
import { readRunSummaries } from './read/run-summaries.js';
import { resolveRun } from './read/resolve-run.js';
import { scanRun } from './read/scan-run.js';
import { RunTap } from './run-tap.js';
import { comparisonFor, describeReport, writeReport } from './write-report.js';

export interface AfterRunReportOptions {
  /** Compare each pipeline's latest run with this one: `previous`, a run id, a runs folder. */
  baseline?: string;
  /** Write report.html (default true). */
  html?: boolean;
  /** For GITHUB_STEP_SUMMARY; process.env by default. */
  env?: Record<string, string | undefined>;
}

type Log = (line: string) => void;

/** A tap for the reporter's events (its onEventsWritten), so the report need not read them back. */
export function reportTap(): RunTap {
  return new RunTap({ upTo: DEFAULT_LIMITS.maxSamplesPerCase, maxTextChars: DEFAULT_LIMITS.maxTextChars });
}

export function reportAfterRun(options: AfterRunReportOptions = {}, tap?: RunTap) {
  return async (roots: readonly string[], log: Log): Promise<void> => {
    const stepSummary = (options.env ?? process.env).GITHUB_STEP_SUMMARY;
    try {
      for (const root of roots) {
        const comparison = options.html === false ? undefined : await htmlReport(root, options.baseline, tap, log);
        if (stepSummary) await appendStepSummary(root, stepSummary, comparison === undefined ? await comparisonOnly(root, options.baseline) : comparison, log);
      }
    } finally {
      tap?.clear();
    }
  };
}

/** Writes report.html; its comparison (null without a baseline), or undefined when none was written. */
async function htmlReport(root: string, baseline: string | undefined, tap: RunTap | undefined, log: Log): Promise<RunComparison | null | undefined> {
  const written = await writeReport(root, { baseline, ...(tap ? { known: (file: string) => tap.scanOf(file) } : {}) });
  if ('error' in written) {
    log(`evalmatrix: no report for ${displayPath(root)}: ${written.error}`);
    return undefined;
  }
  const { warnings, line } = describeReport(written);
  for (const w of warnings) log(`evalmatrix: report: ${w}`);
  log(`evalmatrix: ${line}`);
  return written.comparison;
}

/** The comparison alone, when no HTML report computed it. */
async function comparisonOnly(root: string, baseline: string | undefined): Promise<RunComparison | null> {
  if (baseline === undefined) return null;
  const current = resolveRun('latest', root);
  if ('error' in current) return null;
  return (await comparisonFor(current.root, current.run_id, baseline, await scanRun(current.root, current.run_id))).comparison;
}

async function appendStepSummary(root: string, file: string, comparison: RunComparison | null, log: Log): Promise<void> {
  const latest = resolveRun('latest', root);
  if ('error' in latest) return;
  const { summaries, problems } = readRunSummaries(root, latest.run_id);
  const pipeline = summaries[0]?.run.metadata.pipeline ?? displayPath(root);
  try {
    appendFileSync(file, stepSummaryMarkdown({ pipeline, run_id: latest.run_id, summaries, comparison, problems }));
  } catch (error) {
    log(`evalmatrix: could not append the job summary to ${displayPath(file)} (GITHUB_STEP_SUMMARY): ${(error as Error).message}`);
  }
}

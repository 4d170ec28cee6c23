// The report layer: reads the files of ARTIFACTS.md (never Vitest's internals) and writes the
// static HTML report and run comparisons.
export { writeReport, REPORT_FILE, type WriteReportOptions, type WrittenReport } from './write-report.js';
export { compareRuns, type RunComparison, type CaseComparison } from './compare/compare-runs.js';
export { compareMetric, DEFAULT_ALPHA, type MetricDelta } from './compare/metric-delta.js';
export { renderComparisonText } from './compare/render-text.js';
export { renderComparisonMarkdown } from './compare/render-markdown.js';
export { resolveRun, type RunRef } from './read/resolve-run.js';
export { pipelineFolders } from './read/case-folders.js';
export { scanRun, listRuns, type ScannedRun } from './read/scan-run.js';
export { DEFAULT_LIMITS, type ReportLimits } from './html/limits.js';
export { mcnemarExactP } from './stats/mcnemar.js';
export { pairedBootstrap } from './stats/bootstrap.js';

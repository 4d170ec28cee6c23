export { EvalmatrixReporter, type EvalmatrixReporterOptions } from './reporter.js';
export { collectIndex, writeIndex, pipelineRoots, INDEX_FILE, type SummaryIndex, type IndexItem, type CollectResult } from './collect-index.js';
export { renderTable, summaryRow, tableColumns } from './table.js';
export { outputRoot, newRunId, sanitizeSegment } from './paths.js';
export { EvalmatrixReporter as default } from './reporter.js';

// evalmatrix's core API, usable without Vitest (the CLI and scripts use it).
// Pipelines load with every layer's checks (metrics, params, judges): the same loader as the suites.
export {
  loadEvalPipeline as loadPipeline,
  parseEvalPipeline as parsePipeline,
  loadEvalCases as loadCases,
  renderEvalMatrix as renderMatrix,
  type EvalLoadOptions as LoadOptions,
  type CustomMetrics,
} from './runner/load-eval-pipeline.js';
export { expandCases, ConfigError, renderedFileText } from './config/index.js';
export type { LoadedPipeline, CaseSpec, PipelineSpec, BackendSpec, TaskSpec } from './config/index.js';
export { runCase, type RunCaseOptions, type Mode } from './runner/run-case.js';
export { judgeCase, type Verdict, type VerdictInput } from './runner/verdict.js';
export { encodeEventLine, emittedEventSchema, writtenEventSchema, type EmittedEvent, type WrittenEvent } from './runner/events.js';
export { summarySchema, type Summary, type CaseSummary } from './runner/summary.js';
export { extractChoice } from './metrics/extract.js';
export { MetricRegistry } from './metrics/registry.js';
export { defineMetric, type MetricDefinition, type MetricInput, type MetricOutput, type MetricResult, type MetricReturn } from './metrics/metric.js';
export type { JudgeHandle, JudgeRecord } from './metrics/judge/handle.js';
export { fromAutoevals, type AutoevalsScorer, type AutoevalsOptions } from './metrics/autoevals.js';
export { createJudgeClients, MissingJudgeKeyError, type JudgeClients } from './runner/judge-clients.js';
export { compilePrompt } from './prompts/render.js';
export { loadDataset } from './datasets/load.js';
export { createProviderClient, ProviderError, MissingKeyError, resolveProvider, currentTrial } from './providers/index.js';
// Recordings for runCase outside Vitest: start them, then run cases with `recordings: true`.
export { startRecordings, recordingSettings, RecordingMissError, type Recordings, type RecordMode } from './recordings/index.js';
export { collectIndex, writeIndex } from './reporter/collect-index.js';

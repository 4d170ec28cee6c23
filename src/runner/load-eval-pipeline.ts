// The one pipeline loader every entry point uses (defineEvalSuite, defineMatrixSuite, the CLI,
// the public API): config's loader with the checks of every layer above it, so a bad metric,
// param or judge is a located error when the file loads, never when the first sample arrives.
import { expandCases, type CaseSpec } from '../config/cases.js';
import { loadPipeline, parsePipeline, type LoadedPipeline, type LoadOptions, type PipelineCheck } from '../config/load.js';
import { renderMatrix, type RenderedMatrix, type RenderOptions } from '../config/matrix.js';
import { promptChecks } from '../prompts/checks.js';
import { responseFormatChecks } from '../providers/structured/checks.js';
import { costChecks } from '../providers/prices/checks.js';
import { metricChecks } from '../metrics/checks/index.js';
import type { MetricDefinition } from '../metrics/metric.js';
import { MetricRegistry } from '../metrics/registry.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions differ in params type
export type CustomMetrics = readonly MetricDefinition<any>[] | MetricRegistry;

export interface EvalLoadOptions extends LoadOptions {
  /** Metrics defined in TypeScript (defineMetric), named from YAML like the built-ins. */
  metrics?: CustomMetrics;
}

/** The built-ins plus the given metrics (a registry is taken as it is). */
export function metricRegistry(metrics: CustomMetrics = []): MetricRegistry {
  return metrics instanceof MetricRegistry ? metrics : new MetricRegistry(metrics);
}

/** Every layer's load-time checks, in layer order, then the caller's own. */
function evalChecks(registry: MetricRegistry, extra: readonly PipelineCheck[] = []): PipelineCheck[] {
  // Each layer's own rules: Jinja syntax of every prompt text and mock_reply, every
  // response_format's JSON Schema and every capped cost's prices, then the metrics
  // (implementations, params, judges).
  return [promptChecks(), responseFormatChecks(), costChecks(), metricChecks(registry), ...extra];
}

function withChecks<O extends EvalLoadOptions>(options: O): Omit<O, 'metrics'> {
  const { metrics, ...rest } = options;
  return { ...rest, checks: evalChecks(metricRegistry(metrics), options.checks) };
}

export function loadEvalPipeline(file: string, options: EvalLoadOptions = {}): LoadedPipeline {
  return loadPipeline(file, withChecks(options));
}

/** Pipeline text as if read from `file` (which names it in errors and anchors dataset paths). */
export function parseEvalPipeline(text: string, file: string, options: EvalLoadOptions = {}): LoadedPipeline {
  return parsePipeline(text, file, withChecks(options));
}

export function loadEvalCases(file: string, options: EvalLoadOptions = {}): CaseSpec[] {
  return expandCases(loadEvalPipeline(file, options));
}

/** A model matrix through its template, each filled template checked like a pipeline file. */
export function renderEvalMatrix(matrixFile: string, templateFile: string, options: RenderOptions & EvalLoadOptions = {}): RenderedMatrix {
  return renderMatrix(matrixFile, templateFile, withChecks(options));
}

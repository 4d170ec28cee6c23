// The metrics layer's load-time checks, as one PipelineCheck for loadPipeline's `checks`.
import type { PipelineCheck } from '../../config/load.js';
import type { MetricRegistry } from '../registry.js';
import { checkJudges } from './judges.js';
import { checkMetricSpecs } from './metric-specs.js';

export function metricChecks(registry: MetricRegistry): PipelineCheck {
  return (spec) => [...checkMetricSpecs(spec, registry), ...checkJudges(spec)];
}

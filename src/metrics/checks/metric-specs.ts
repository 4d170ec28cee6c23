// Load-time checks of each metric spec against the registry: the implementation exists (else
// the known names and a did-you-mean), and `params` passes the metric's own params schema,
// each problem placed at metrics[i].params.… with the shape the metric expects.
import type { PathIssue } from '../../config/locate.js';
import type { MetricSpec, PipelineSpec } from '../../config/schema.js';
import { didYouMean } from '../../config/suggest.js';
import { describeZodIssue } from '../../config/zod-issues.js';
import type { MetricRegistry } from '../registry.js';
import { describeParamsShape } from './params-shape.js';

export function checkMetricSpecs(spec: PipelineSpec, registry: MetricRegistry): PathIssue[] {
  return spec.metrics.flatMap((metric, i) => {
    const definition = registry.find(metric.implementation);
    if (definition === undefined) return [unknownImplementation(metric, i, registry)];
    if (definition.params === undefined) return [];
    const parsed = definition.params.safeParse(metric.params, { reportInput: true });
    if (parsed.success) return [];
    const shape = describeParamsShape(definition.params);
    const expected = shape === undefined ? undefined : `${metric.implementation} takes params ${shape}`;
    return parsed.error.issues.flatMap((issue) =>
      describeZodIssue(issue, definition.params!, metric.params).map((described): PathIssue => {
        const hint = [issue.path.length === 0 && issue.code === 'invalid_type' ? undefined : described.hint, expected].filter(Boolean).join('. ');
        return {
          ...described,
          path: ['metrics', i, 'params', ...described.path],
          message: `metric "${metric.metric_id}": ${issue.path.length === 0 && issue.code === 'invalid_type' ? 'params do not fit' : described.message}`,
          ...(hint === '' ? {} : { hint }),
        };
      }),
    );
  });
}

function unknownImplementation(metric: MetricSpec, i: number, registry: MetricRegistry): PathIssue {
  const { builtin, registered } = registry.names();
  const known = `built-in: ${builtin.join(', ')}; registered from TypeScript: ${registered.length > 0 ? registered.join(', ') : 'none'}`;
  return {
    path: ['metrics', i, 'implementation'],
    message: `metric "${metric.metric_id}": unknown implementation "${metric.implementation}" (${known})`,
    hint: `${didYouMean(metric.implementation, [...builtin, ...registered])}Fix the name, or define the metric with defineMetric and register it: defineEvalSuite(config, { metrics: [yourMetric] })`,
  };
}

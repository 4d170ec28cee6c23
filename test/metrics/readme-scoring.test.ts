// The README's built-in metric examples stay true: every YAML block under "### Built-in
// metrics" is a valid metrics list whose params each metric's own schema accepts, and together
// they show every built-in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { metricSchema } from '../../src/config/schema/metric.js';
import { BUILTIN_METRICS } from '../../src/metrics/builtins.js';
import { MetricRegistry } from '../../src/metrics/registry.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function builtinSection(): string {
  const start = readme.indexOf('\n### Built-in metrics\n');
  expect(start, 'README has a "### Built-in metrics" section').toBeGreaterThan(0);
  const end = readme.slice(start + 1).search(/\n##{1,2} /);
  return end < 0 ? readme.slice(start) : readme.slice(start, start + 1 + end);
}

describe('README Scoring examples', () => {
  const blocks = [...builtinSection().matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const specs = blocks.flatMap((block) => (parse(block) as { metrics: unknown[] }).metrics).map((m) => metricSchema.parse(m));

  it('show every built-in metric (judges in their own section)', () => {
    expect(new Set(specs.map((s) => s.implementation))).toEqual(new Set(BUILTIN_METRICS.map((m) => m.name).filter((n) => n !== 'llm_judge')));
    expect(readme.slice(readme.indexOf('\n### LLM judges\n'))).toContain('implementation: llm_judge');
  });

  it.each(specs.map((s) => [s.metric_id, s] as const))('%s has params its metric accepts', (_, spec) => {
    const metric = new MetricRegistry().resolve(spec);
    const parsed = metric.params?.safeParse(spec.params);
    expect(parsed?.error?.issues ?? []).toEqual([]);
  });
});

// Implementation names → metric definitions: the built-ins plus the metrics a suite registers
// from TypeScript. Test-only metrics resolve here but are never listed to users.
import type { MetricDefinition } from './metric.js';
import { BUILTIN_METRICS } from './builtins.js';
import { testCpuBurn } from './test-only/cpu-burn.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions differ in params type
type AnyMetric = MetricDefinition<any>;

const HIDDEN: readonly AnyMetric[] = [testCpuBurn];

export class MetricRegistry {
  private readonly byName = new Map<string, { metric: AnyMetric; builtin: boolean }>();

  constructor(custom: readonly AnyMetric[] = []) {
    for (const metric of [...BUILTIN_METRICS, ...HIDDEN]) this.byName.set(metric.name, { metric, builtin: true });
    for (const metric of custom) {
      const taken = this.byName.get(metric.name);
      if (taken?.builtin) throw new Error(`defineMetric: "${metric.name}" is the name of a built-in metric; give yours another name`);
      if (taken) throw new Error(`defineMetric: two metrics are registered as "${metric.name}"; names must be unique`);
      if (metric.cpu_heavy && metric.module === undefined) throw new Error(unpoolable(metric.name));
      this.byName.set(metric.name, { metric, builtin: false });
    }
  }

  find(name: string): AnyMetric | undefined {
    return this.byName.get(name)?.metric;
  }

  isBuiltin(name: string): boolean {
    return this.byName.get(name)?.builtin === true;
  }

  /** Names users may write: the built-ins, then the registered ones (test-only metrics left out). */
  names(): { builtin: string[]; registered: string[] } {
    const listed = [...this.byName.values()].filter(({ metric }) => !HIDDEN.includes(metric));
    return {
      builtin: listed.filter((e) => e.builtin).map((e) => e.metric.name),
      registered: listed.filter((e) => !e.builtin).map((e) => e.metric.name),
    };
  }

  /** The definition for a spec; throws naming the known implementations when there is none. */
  resolve(spec: { metric_id: string; implementation: string }): AnyMetric {
    const metric = this.find(spec.implementation);
    if (metric) return metric;
    const { builtin, registered } = this.names();
    const known = `built-in: ${builtin.join(', ')}${registered.length > 0 ? `; registered: ${registered.join(', ')}` : ''}`;
    throw new Error(`metric "${spec.metric_id}": unknown implementation "${spec.implementation}" (${known})`);
  }
}

function unpoolable(name: string): string {
  return (
    `defineMetric "${name}": cpu_heavy needs module: import.meta.url, the module that exports this metric, ` +
    'so the scorer pool\'s worker threads can import it (they cannot receive a function). Export the metric ' +
    'from a module of its own (not the eval file), or drop cpu_heavy to score in-process'
  );
}

/** The built-ins alone: what the scorer pool's workers and specs built in code resolve against. */
export const builtinMetrics = new MetricRegistry();

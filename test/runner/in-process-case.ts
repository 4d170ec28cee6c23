// Shared by the runner tests: a pipeline written as YAML text made into its first case, and a
// case run in-process by runCase in mock mode with the real SDK client (against whatever MSW
// interception the test started), its events parsed as the reporter would take them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expandCases, type CaseSpec } from '../../src/config/cases.js';
import { createProviderClient } from '../../src/providers/index.js';
import { emittedEventSchema, type EmittedEvent } from '../../src/runner/events.js';
import { parseEvalPipeline, type CustomMetrics } from '../../src/runner/load-eval-pipeline.js';
import { runCase, type RunCaseOptions } from '../../src/runner/run-case.js';

/** The first case of `yaml`, as if read from pipeline.yaml in a fresh temporary folder. */
export function firstCase(yaml: string, options: { prefix?: string; metrics?: CustomMetrics } = {}): CaseSpec {
  const dir = mkdtempSync(path.join(tmpdir(), options.prefix ?? 'em-case-'));
  return expandCases(parseEvalPipeline(yaml, path.join(dir, 'pipeline.yaml'), { env: {}, ...(options.metrics ? { metrics: options.metrics } : {}) }))[0]!;
}

export async function runInProcess(spec: CaseSpec, options: Partial<RunCaseOptions> = {}) {
  const events: EmittedEvent[] = [];
  const client = createProviderClient(spec.backend, { env: {}, allowMissingKey: true });
  const summary = await runCase(spec, { mode: 'mock', client, emit: (e) => void events.push(emittedEventSchema.parse(e)), ...options });
  const of = <N extends EmittedEvent['event']>(name: N) => events.filter((e): e is Extract<EmittedEvent, { event: N }> => e.event === name);
  return { events, summary, of };
}

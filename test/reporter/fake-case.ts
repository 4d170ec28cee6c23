// A test case as the evalmatrix reporter sees it, without running Vitest: enough of TestCase
// for its hooks, and event batches shaped as the worker sends them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestArtifact } from '@vitest/runner';
import type { TestCase } from 'vitest/node';
import { EVENTS_ARTIFACT } from '../../src/reporter/protocol.js';
import { skippedSummary } from '../../src/runner/build-summary.js';
import { makeEvent, type EmittedEvent } from '../../src/runner/events.js';

export const identity = { pipeline: 'p', model: 'm', task_id: 't' };

export const start = (maxSamples: number | null): EmittedEvent =>
  makeEvent('case_start', null, { task_id: 't', model: 'm', provider: 'openai', provider_model: 'gpt', mode: 'mock', max_samples: maxSamples, concurrency: 4 });

/** `n` finished samples (inference_end + auto_eval_sample each), ids from `from`. */
export const samples = (from: number, n: number): EmittedEvent[] =>
  Array.from({ length: n }, (_, i) => [
    makeEvent('inference_end', `s${from + i}`, { provider: 'openai', model: 'gpt', text: 'A', finish_reason: 'stop', usage: { prompt_tokens: 1, completion_tokens: 1 }, latency_ms: 1, attempts: 1 }),
    makeEvent('auto_eval_sample', `s${from + i}`, { metric_id: 'acc', score: 1, prediction: 'A', reference: 'A' }),
  ]).flat();

export function fakeTestCase(id = 'case-1'): TestCase {
  const summary = skippedSummary(
    { task: { task_id: 't' }, model: 'm', pipeline: 'p', backend: { backend_id: 'm' }, metrics: [], judges: [] } as never,
    'mock',
    { provider: 'openai', model: 'gpt', apiBase: 'http://127.0.0.1:18080/v1' },
    'x',
  );
  return {
    id,
    meta: () => ({ evalmatrix: { case: identity, summary: { ...summary, status: 'passed' } } }),
    result: () => ({ state: 'passed' }),
  } as unknown as TestCase;
}

export function eventsArtifact(events: EmittedEvent[]): TestArtifact {
  return { type: EVENTS_ARTIFACT, case: identity, events } as unknown as TestArtifact;
}

/** A fresh output root for the reporter (it reads EVALMATRIX_OUTPUT_DIR). */
export function freshOutputRoot(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'em-reporter-'));
  process.env.EVALMATRIX_OUTPUT_DIR = dir;
  return dir;
}

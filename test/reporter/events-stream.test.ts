// The whole streaming path of a case's events, worker to disk: runCase emits, EventBatcher
// batches, EventsFile appends each batch as one write of whole lines. After every batch the
// file holds only whole lines; at case end and on abort nothing emitted is left behind.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandCases } from '../../src/config/cases.js';
import { parsePipeline } from '../../src/config/load.js';
import { startMockInterception, type MockInterception } from '../../src/mocks/index.js';
import { createProviderClient } from '../../src/providers/index.js';
import { EventsFile } from '../../src/reporter/events-file.js';
import { EventBatcher } from '../../src/runner/event-batcher.js';
import { writtenEventSchema } from '../../src/runner/events.js';
import { runCase } from '../../src/runner/run-case.js';

let server: MockInterception;
beforeAll(() => {
  server = startMockInterception({ latencyMs: 2 });
});
afterAll(() => server.close());

function caseWithRows(rows: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'em-stream-'));
  const data = path.join(dir, 'rows.jsonl');
  writeFileSync(data, Array.from({ length: rows }, (_, i) => JSON.stringify({ goal: `g${i}`, sol1: 'a', sol2: 'b', label: i % 2 })).join('\n') + '\n');
  const yaml = `
api_version: evalmatrix/v1
kind: PipelineConfig
metadata: {name: stream_test}
prompts: [{prompt_id: p, template: "Q: {{ sample.goal }} The answer is {{ sample.reference }}"}]
datasets: [{dataset_id: d, loader: jsonl, path: ${JSON.stringify(data)}, params: {preprocess: piqa}}]
backends: [{backend_id: b, config: {provider: openai, model: m, api_base: "http://127.0.0.1:18080/v1"}}]
role_adapters: [{adapter_id: a, backend_id: b, prompt_id: p}]
metrics: [{metric_id: acc, implementation: multi_choice_accuracy}]
tasks: [{task_id: t, dataset_id: d, steps: [{step: inference, adapter_id: a}, {step: auto_eval}], concurrency: 8, max_errors: 1000}]
`;
  return { spec: expandCases(parsePipeline(yaml, path.join(dir, 'p.yaml'), { env: {} }))[0]!, file: path.join(dir, 'out', 'events.jsonl') };
}

/** Runs a case into an events file, checking after every append that the file is whole lines. */
async function streamCase(rows: number, abortAfterEvents?: number) {
  const { spec, file } = caseWithRows(rows);
  const writer = new EventsFile(file, 'run-1');
  const controller = new AbortController();
  const batchSizes: number[] = [];
  let emitted = 0;
  const batcher = new EventBatcher({
    maxBatch: 25,
    signal: controller.signal,
    send: (events) => {
      writer.append(events);
      batchSizes.push(events.length);
      const text = readFileSync(file, 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      expect(text.split('\n').length - 1).toBe(writer.eventCount);
    },
  });
  const client = createProviderClient(spec.backend, { env: {}, allowMissingKey: true });
  const summary = await runCase(spec, {
    mode: 'mock',
    client,
    signal: controller.signal,
    emit: (e) => {
      emitted += 1;
      batcher.emit(e);
      if (emitted === abortAfterEvents) controller.abort();
    },
  }).finally(() => batcher.close());
  writer.close();
  const events = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => writtenEventSchema.parse(JSON.parse(l)));
  return { summary, events, batchSizes, emitted };
}

describe('events streaming to disk', () => {
  it('writes every event in batches of whole lines, ending with case_end', async () => {
    const { events, batchSizes, emitted } = await streamCase(60);
    expect(emitted).toBe(1 + 60 * 2 + 1);
    expect(events).toHaveLength(emitted);
    expect(events.map((e) => e.event_id)).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)!.event).toBe('case_end');
    expect(Math.max(...batchSizes)).toBe(25);
    expect(batchSizes.length).toBeLessThan(emitted / 5);
  });

  it('on abort, flushes what was emitted and still ends the file with case_end', async () => {
    const { events, emitted, summary } = await streamCase(400, 40);
    expect(summary.sample_count).toBeLessThan(400);
    expect(events).toHaveLength(emitted);
    expect(events.map((e) => e.event_id)).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)!.event).toBe('case_end');
    // The case ends interrupted; the samples cut off in flight are neither errors nor counted.
    const end = events.at(-1)!;
    expect(end.event === 'case_end' && end.payload.status).toBe('interrupted');
    expect(events.some((e) => e.event === 'sample_error')).toBe(false);
    expect(summary).toMatchObject({ status: 'interrupted', error_count: 0 });
    expect(summary.sample_count).toBe(events.filter((e) => e.event === 'inference_end').length);
  });
});

// The report reads a resumed case's events.jsonl as its summary counts it: a sample run again
// in a later part of the run (a rerun of errors) has the later outcome, not the earlier error.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleStatus } from '../../src/report/read/outcome.js';
import { Problems } from '../../src/report/read/problems.js';
import { scanCase } from '../../src/report/read/scan-case.js';
import { encodeEventLine, makeEvent, type EmittedEvent } from '../../src/runner/events.js';

const start = makeEvent('case_start', null, { task_id: 't', model: 'm', provider: 'openai', provider_model: 'g', mode: 'mock', max_samples: null, concurrency: 1 });
const inference = (id: string) => makeEvent('inference_end', id, { provider: 'openai', model: 'g', text: 'A', finish_reason: 'stop', usage: { prompt_tokens: 1, completion_tokens: 1 }, latency_ms: 3, attempts: 1 });
const score = (id: string, value: number) => makeEvent('auto_eval_sample', id, { metric_id: 'acc', score: value, prediction: 'A', reference: 'A' });
const error = (id: string) => makeEvent('sample_error', id, { stage: 'inference', error_type: 'provider_server', status: 500, message: 'boom', attempts: 1 });

async function statuses(events: EmittedEvent[]): Promise<Record<string, string>> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'em-scan-resumed-')), 'events.jsonl');
  writeFileSync(file, events.map((e, i) => encodeEventLine('20261122-031500-a1b2c3', i + 1, e)).join(''));
  const scan = await scanCase(file, new Problems());
  return Object.fromEntries([...scan.outcomes].map(([key, o]) => [key, sampleStatus(o)]));
}

describe('scanCase over a resumed run', () => {
  it('gives a sample run again in a later part its latest outcome', async () => {
    const events = [start, inference('s1'), score('s1', 1), error('s2'), error('s3'), inference('s4'), start, inference('s2'), score('s2', 1), error('s3'), inference('s4'), score('s4', 0)];
    expect(await statuses(events)).toEqual({ s1: 'passed', s2: 'passed', s3: 'error', s4: 'failed' });
  });

  it('keeps a sample’s outcome within one part as before', async () => {
    expect(await statuses([start, inference('s1'), error('s1'), score('s1', 1)])).toEqual({ s1: 'error' });
  });
});

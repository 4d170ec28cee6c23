import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventsFile } from '../../src/reporter/events-file.js';
import { makeEvent, writtenEventSchema } from '../../src/runner/events.js';

describe('EventsFile', () => {
  it('appends batches as whole lines with event_id counting from 1 and the run id stamped', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'em-events-')), 'a', 'events.jsonl');
    const w = new EventsFile(file, '20261122-031500-a1b2c3');
    w.append([makeEvent('case_start', null, { task_id: 't', model: 'm', provider: 'openai', provider_model: 'gpt', mode: 'mock', max_samples: 2, concurrency: 1 })]);
    w.append([]);
    w.append([
      makeEvent('auto_eval_sample', 's-1', { metric_id: 'acc', score: 1, prediction: 'A', reference: 'A' }),
      makeEvent('case_end', null, { sample_count: 1, error_count: 0, wall_ms: 5 }),
    ]);
    w.close();
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((l) => writtenEventSchema.parse(JSON.parse(l)));
    expect(lines.map((l) => [l.event_id, l.event, l.run_id])).toEqual([
      [1, 'case_start', '20261122-031500-a1b2c3'],
      [2, 'auto_eval_sample', '20261122-031500-a1b2c3'],
      [3, 'case_end', '20261122-031500-a1b2c3'],
    ]);
    expect(Object.keys(JSON.parse(text.split('\n')[0]!))).toEqual(['run_id', 'event_id', 'event', 'sample_id', 'created_at', 'payload']);
    expect(w.eventCount).toBe(3);
  });
});

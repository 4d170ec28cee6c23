// A write that fails at a chosen byte (what a full disk does): the file is cut back to its last
// whole line, the error names the file and what to do, and the file takes nothing more.
import { mkdtempSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventsFile, type WriteBytes } from '../../src/reporter/events-file.js';
import { OutputWriteError } from '../../src/reporter/write-error.js';
import { makeEvent, writtenEventSchema } from '../../src/runner/events.js';

/** Writes normally until `limit` bytes are in the file, then short-writes and fails with ENOSPC. */
function diskOf(limit: number): WriteBytes {
  let used = 0;
  return (fd, bytes, offset) => {
    const room = limit - used;
    if (room <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const n = writeSync(fd, bytes, offset, Math.min(room, bytes.length - offset));
    used += n;
    return n;
  };
}

const sample = (i: number) => makeEvent('auto_eval_sample', `s-${i}`, { metric_id: 'acc', score: 1, prediction: 'A', reference: 'A' });

describe('EventsFile on a full disk', () => {
  it('keeps the whole lines of the batch that failed, drops the torn one, and refuses more', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'em-full-')), 'events.jsonl');
    const w = new EventsFile(file, 'r', diskOf(1000));
    w.append([sample(0), sample(1)]);
    expect(() => w.append(Array.from({ length: 20 }, (_, i) => sample(i + 2)))).toThrow(OutputWriteError);
    expect(() => w.append([sample(99)])).toThrow(/could not write .*events\.jsonl \(ENOSPC\): the disk is full/);
    w.close();
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const ids = text.trimEnd().split('\n').map((l) => writtenEventSchema.parse(JSON.parse(l)).event_id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1000);
  });
});

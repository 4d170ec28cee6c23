// A resumed run appends to its case's existing events.jsonl: numbering goes on from the file's
// last event_id, and a last line a kill cut off is dropped first, so every line still parses.
import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventsFile } from '../../src/reporter/events-file.js';
import { readEventsTail } from '../../src/reporter/events-tail.js';
import { encodeEventLine, makeEvent, writtenEventSchema } from '../../src/runner/events.js';

const RUN = '20261122-031500-a1b2c3';
const score = (id: string, text = 'A') => makeEvent('auto_eval_sample', id, { metric_id: 'acc', score: 1, prediction: text, reference: 'A' });
const fileIn = () => path.join(mkdtempSync(path.join(tmpdir(), 'em-events-resume-')), 'events.jsonl');
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => writtenEventSchema.parse(JSON.parse(l)));

function tailOf(file: string) {
  const fd = openSync(file, 'r');
  try {
    return readEventsTail(fd, readFileSync(file).length);
  } finally {
    closeSync(fd);
  }
}

describe('EventsFile on an existing file', () => {
  it('goes on from the last event_id, after cutting a torn last line', () => {
    const file = fileIn();
    writeFileSync(file, [1, 2, 3].map((i) => encodeEventLine(RUN, i, score(`s${i}`))).join('') + '{"run_id":"' + RUN + '","event_id":4,"ev');
    const w = new EventsFile(file, RUN);
    w.append([score('s4'), score('s5')]);
    w.close();
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
    expect(lines(file).map((e) => [e.event_id, e.sample_id])).toEqual([
      [1, 's1'],
      [2, 's2'],
      [3, 's3'],
      [4, 's4'],
      [5, 's5'],
    ]);
  });

  it('starts at 1 in an empty file, or one holding only a torn line', () => {
    for (const before of ['', '{"run_id":"x","event_id":1']) {
      const file = fileIn();
      writeFileSync(file, before);
      const w = new EventsFile(file, RUN);
      w.append([score('s1')]);
      w.close();
      expect(lines(file).map((e) => e.event_id)).toEqual([1]);
    }
  });
});

describe('readEventsTail', () => {
  it('finds the last whole line across chunks, past long lines and lines without an id', () => {
    const file = fileIn();
    const long = score('long', 'x'.repeat(200_000));
    writeFileSync(file, encodeEventLine(RUN, 1, score('a')) + encodeEventLine(RUN, 2, long));
    expect(tailOf(file)).toEqual({ wholeBytes: readFileSync(file).length, lastId: 2 });
    appendFileSync(file, 'not json\n{"no_id":true}\n' + '{"torn": "y'.repeat(10_000));
    const whole = readFileSync(file, 'utf8').lastIndexOf('\n') + 1;
    expect(tailOf(file)).toEqual({ wholeBytes: whole, lastId: 2 });
  });

  it('says 0 for a file without a newline, or without an event id', () => {
    const file = fileIn();
    writeFileSync(file, 'x'.repeat(100_000));
    expect(tailOf(file)).toEqual({ wholeBytes: 0, lastId: 0 });
    writeFileSync(file, 'x\n'.repeat(40_000));
    expect(tailOf(file)).toEqual({ wholeBytes: 80_000, lastId: 0 });
  });
});

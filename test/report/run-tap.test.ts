// The after-run report's tap: cases whose events it saw as they were written give the same
// report as reading their events.jsonl back, and a case it did not see whole is read from its
// file (the report is then still complete).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportTap } from '../../src/report/after-run.js';
import { listCaseFolders } from '../../src/report/read/case-folders.js';
import { writeReport } from '../../src/report/write-report.js';
import type { EmittedEvent } from '../../src/runner/events.js';
import { copyOf, CURRENT_RUN, QA_ROOT, reportData, reportSamples } from './fixture-runs.js';

const NOW = new Date('2026-11-21T12:00:00Z');

/** A case's events as the reporter hands them over: its lines' events, in batches of `size`. */
function batches(file: string, size: number): { events: EmittedEvent[]; firstLine: number }[] {
  const events = readFileSync(file, 'utf8').split('\n').filter((line) => line !== '').map((line) => {
    const { run_id: _r, event_id: _e, ...event } = JSON.parse(line) as EmittedEvent & { run_id: string; event_id: number };
    return event as EmittedEvent;
  });
  const out = [];
  for (let i = 0; i < events.length; i += size) out.push({ events: events.slice(i, i + size), firstLine: i + 1 });
  return out;
}

const currentEventFiles = (root: string) => listCaseFolders(root).filter((f) => f.run_id === CURRENT_RUN && f.hasEvents).map((f) => path.join(f.dir, 'events.jsonl'));

async function pages(root: string, feed: (file: string, tap: ReturnType<typeof reportTap>) => void) {
  const tap = reportTap();
  for (const file of currentEventFiles(root)) feed(file, tap);
  const known: string[] = [];
  const fromTap = (file: string) => {
    const scan = tap.scanOf(file);
    if (scan) known.push(file);
    return scan;
  };
  const tapped = await writeReport(root, { outFile: path.join(root, 'tapped.html'), known: fromTap });
  const read = await writeReport(root, { outFile: path.join(root, 'read.html') });
  if ('error' in tapped || 'error' in read) throw new Error('no report');
  return { tapped: readFileSync(tapped.file, 'utf8'), read: readFileSync(read.file, 'utf8'), known };
}

describe('the after-run report tap', () => {
  it('gives the report the first pass of every case it saw written, the same as reading the files back', async () => {
    const root = copyOf(QA_ROOT);
    const { tapped, read, known } = await pages(root, (file, tap) => {
      for (const { events, firstLine } of batches(file, 3)) tap.written(file, events, firstLine);
    });
    expect(known.length).toBe(currentEventFiles(root).length);
    const data = (html: string) => ({ ...reportData(html), generated_at: NOW.toISOString() });
    expect(data(tapped)).toEqual(data(read));
    expect(reportSamples(tapped, 0)).toEqual(reportSamples(read, 0));
  });

  it('reads a case from its file when a batch of it went by unseen', async () => {
    const root = copyOf(QA_ROOT);
    const { known } = await pages(root, (file, tap) => {
      for (const { events, firstLine } of batches(file, 2).slice(1)) tap.written(file, events, firstLine);
    });
    expect(known).toEqual([]);
  });
});

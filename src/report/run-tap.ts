// The run being written, folded into each case's first pass (read/scan-case.ts) as the reporter
// writes its events, while the run goes on: the report written after the run then has every
// case's outcomes without reading each events.jsonl back. That reading was the part of the
// run's end that grew with the samples (about 15 µs a sample; README "Performance"). A case
// whose lines were not all seen here, in order from the first (one resumed from an earlier run,
// a batch that could not be written), is read from its file as before.
import path from 'node:path';
import type { EmittedEvent } from '../runner/events.js';
import { CaseScanner, type CaseScan, type KeepRecords } from './read/scan-case.js';

interface TappedCase {
  scanner: CaseScanner;
  /** Lines seen so far, all in order from line 1; false once one was missed. */
  lines: number;
  whole: boolean;
}

export class RunTap {
  private readonly cases = new Map<string, TappedCase>();

  constructor(readonly keep: KeepRecords) {}

  /** The reporter's hook: `events` were written to `file` as lines firstLine, firstLine + 1… */
  readonly written = (file: string, events: readonly EmittedEvent[], firstLine: number): void => {
    const key = path.resolve(file);
    let c = this.cases.get(key);
    if (!c) this.cases.set(key, (c = { scanner: new CaseScanner(this.keep), lines: 0, whole: true }));
    if (!c.whole) return;
    if (firstLine !== c.lines + 1) {
      c.whole = false;
      return;
    }
    events.forEach((event, i) => c.scanner.add(event, firstLine + i));
    c.lines += events.length;
  };

  /** The first pass of `eventsFile`, when every line of it went through here. */
  scanOf(eventsFile: string): CaseScan | undefined {
    const c = this.cases.get(path.resolve(eventsFile));
    return c?.whole && c.lines > 0 ? c.scanner.result() : undefined;
  }

  clear(): void {
    this.cases.clear();
  }
}

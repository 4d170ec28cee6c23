// The events of one events.jsonl as a resume (and the index) reads them: whole lines only, in
// chunks, so a long case is never held in memory whole. A last line without its newline is a
// write that was cut off and is not an event yet; a line that does not parse is skipped (ARTIFACTS.md promises whole lines, so either means a file someone else touched).
// run_id and event_id are not checked: the folder names the run, and validating them too
// doubles the cost (measured in report/read/events.ts).
import { closeSync, openSync, readSync } from 'node:fs';
import { emittedEventSchema, type EmittedEvent } from '../../runner/events.js';

const CHUNK = 1 << 20;
const NEWLINE = 0x0a;

/** Yields each whole line's event; bytes after the last newline (a cut-off line) are left.
 *  Nothing when the file is missing. */
export function* readEventLines(file: string): Generator<EmittedEvent> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const buffer = Buffer.alloc(CHUNK);
    let pending = Buffer.alloc(0);
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      pending = pending.length === 0 ? Buffer.from(buffer.subarray(0, bytesRead)) : Buffer.concat([pending, buffer.subarray(0, bytesRead)]);
      let start = 0;
      for (let end = pending.indexOf(NEWLINE); end !== -1; end = pending.indexOf(NEWLINE, start)) {
        const event = parseLine(pending.toString('utf8', start, end));
        if (event) yield event;
        start = end + 1;
      }
      pending = pending.subarray(start);
    }
  } finally {
    closeSync(fd);
  }
}

function parseLine(line: string): EmittedEvent | undefined {
  if (line.trim() === '') return undefined;
  try {
    const parsed = emittedEventSchema.safeParse(JSON.parse(line));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: skipped
  }
  return undefined;
}

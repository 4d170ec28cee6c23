// Where an existing events.jsonl ends, for a run that appends to it (a resumed run): the bytes
// up to its last newline (after it, a line a kill cut off) and the event_id of its last whole
// line, so numbering goes on from there. Read backwards in chunks: only the tail is read.
import { readSync } from 'node:fs';

const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

export interface EventsTail {
  /** Bytes of whole lines: everything up to and including the last newline. */
  wholeBytes: number;
  /** event_id of the last whole line that has one; 0 when none does. */
  lastId: number;
}

export function readEventsTail(fd: number, size: number): EventsTail {
  // `buffer` holds the file's bytes [from, to): it grows backwards a chunk at a time.
  let buffer = Buffer.alloc(0);
  let from = size;
  const to = size;
  const growBack = (): boolean => {
    if (from === 0) return false;
    const length = Math.min(CHUNK, from);
    from -= length;
    const chunk = Buffer.alloc(length);
    readSync(fd, chunk, 0, length, from);
    buffer = Buffer.concat([chunk, buffer]);
    return true;
  };
  /** Position of the last newline before `end` (absolute), or -1 when the file has none there. */
  const newlineBefore = (end: number): number => {
    for (;;) {
      const at = end - from > 0 ? buffer.lastIndexOf(NEWLINE, end - from - 1) : -1;
      if (at >= 0) return from + at;
      if (!growBack()) return -1;
    }
  };
  const last = newlineBefore(to);
  if (last < 0) return { wholeBytes: 0, lastId: 0 };
  // Lines from the end: [start, end) between two newlines (or the file's start).
  for (let end = last; end >= 0; ) {
    const before = newlineBefore(end);
    const id = eventIdOf(buffer.toString('utf8', before + 1 - from, end - from));
    if (id !== undefined) return { wholeBytes: last + 1, lastId: id };
    end = before;
  }
  return { wholeBytes: last + 1, lastId: 0 };
}

function eventIdOf(line: string): number | undefined {
  try {
    const id = (JSON.parse(line) as { event_id?: unknown }).event_id;
    return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

// Line numbers from byte offsets, counted by us: csv-parse's own count drifts after a quoted
// field holding "\r\n" (it counts that as two lines), while the byte offsets it reports stay
// exact. Everything here works on raw bytes, so a file's line N is its N-th "\n"-ended line.
import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;

/** Answers "which line is byte B on" for increasing B, keeping only the bytes not yet counted. */
export class LineCounter {
  private readonly pending: Buffer[] = [];
  /** The first pending byte's offset, and the line it is on. */
  private offset: number;
  private line: number;

  constructor(start: { byte: number; line: number }) {
    this.offset = start.byte;
    this.line = start.line;
  }

  /** Bytes as they are read, in order, from the start offset on. */
  add(chunk: Buffer): void {
    this.pending.push(chunk);
  }

  /** The line holding byte `byte` (1-based); `byte` never goes backwards between calls. */
  lineOf(byte: number): number {
    while (this.offset < byte && this.pending.length > 0) {
      const chunk = this.pending[0]!;
      const take = Math.min(chunk.length, byte - this.offset);
      this.line += countNewlines(chunk, 0, take);
      this.offset += take;
      if (take === chunk.length) this.pending.shift();
      else this.pending[0] = chunk.subarray(take);
    }
    return this.line;
  }
}

export function countNewlines(buffer: Buffer, from = 0, to = buffer.length): number {
  let count = 0;
  for (let i = buffer.indexOf(NEWLINE, from); i !== -1 && i < to; i = buffer.indexOf(NEWLINE, i + 1)) count += 1;
  return count;
}

export interface Resume {
  /** The first line holding anything at or after the start: the row that failed. */
  badLine: number;
  /** Where reading goes on: the line after it, or undefined at the end of the file. */
  next: { byte: number; line: number } | undefined;
}

/** From the end of the last good row, skip blank lines, then the line of the row that failed. */
export async function resumeAfterBadLine(path: string, from: { byte: number; line: number }): Promise<Resume> {
  let byte = from.byte;
  let line = from.line;
  let badLine: number | undefined;
  const stream = createReadStream(path, { start: from.byte });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i++, byte++) {
        const c = chunk[i]!;
        if (c === NEWLINE) {
          if (badLine !== undefined) return { badLine, next: { byte: byte + 1, line: line + 1 } };
          line += 1;
        } else if (c !== 0x0d && badLine === undefined) {
          badLine = line;
        }
      }
    }
  } finally {
    stream.destroy();
  }
  return { badLine: badLine ?? line, next: undefined };
}

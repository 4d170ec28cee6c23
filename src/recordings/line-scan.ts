// The lines of a file with their byte offsets, read in chunks: the recordings index keeps
// offsets, not lines, so a file of any size costs a few numbers per recording in memory.
import { open } from 'node:fs/promises';

export interface ScannedLine {
  /** 1-based, blank lines counted (as editors count). */
  line: number;
  offset: number;
  /** Bytes, without the newline. */
  length: number;
  text: string;
}

const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

/** Every non-blank line; nothing when the file does not exist. */
export async function* scanLines(file: string): AsyncGenerator<ScannedLine> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (handle === undefined) return;
  try {
    let pending = Buffer.alloc(0);
    let pendingOffset = 0;
    let line = 0;
    const take = (bytes: Buffer, offset: number): ScannedLine | undefined => {
      line += 1;
      const text = bytes.toString('utf8');
      return text.trim() === '' ? undefined : { line, offset, length: bytes.length, text };
    };
    for (;;) {
      const buffer = Buffer.alloc(CHUNK);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      pending = pending.length === 0 ? buffer.subarray(0, bytesRead) : Buffer.concat([pending, buffer.subarray(0, bytesRead)]);
      let start = 0;
      for (let end = pending.indexOf(NEWLINE); end !== -1; end = pending.indexOf(NEWLINE, start)) {
        const found = take(pending.subarray(start, end), pendingOffset + start);
        if (found) yield found;
        start = end + 1;
      }
      pending = pending.subarray(start);
      pendingOffset += start;
    }
    // A last line without its newline: a write cut short, most likely; its reader decides.
    if (pending.length > 0) {
      const found = take(pending, pendingOffset);
      if (found) yield found;
    }
  } finally {
    await handle.close();
  }
}

/** The bytes at [offset, offset + length) as text; undefined when the file no longer holds them. */
export async function readSpan(file: string, offset: number, length: number): Promise<string | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (handle === undefined) return undefined;
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return bytesRead === length ? buffer.toString('utf8') : undefined;
  } finally {
    await handle.close();
  }
}

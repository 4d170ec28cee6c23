// One recordings file (<pipeline>/<model>.jsonl): found by key through an index of byte
// offsets built on first use, and appended to (in `auto`) whole lines at a time under the file's
// lock — a line is written by one write, so a reader or another writer never meets half of one.
// A line that does not parse is skipped with a warning naming file:line, never a crash.
import { closeSync, fstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../config/display-path.js';
import { withFileLock } from './file-lock.js';
import { readSpan, scanLines } from './line-scan.js';
import { decodeRecordingLine, type RecordingLine } from './recording-line.js';

interface Span {
  offset: number;
  length: number;
}

export type Warn = (message: string) => void;

export class RecordingsFile {
  private index: Promise<Map<string, Span>> | undefined;
  private pending: Array<{ key: string; text: string }> = [];
  private flushing: Promise<void> | undefined;

  constructor(
    readonly path: string,
    private readonly warn: Warn,
  ) {}

  /** The recording for `key`, or undefined. */
  async find(key: string): Promise<RecordingLine | undefined> {
    const span = (await this.loadIndex()).get(key);
    if (span === undefined) return undefined;
    const text = await readSpan(this.path, span.offset, span.length);
    const decoded = text === undefined ? undefined : decodeRecordingLine(text);
    // Rewritten by another process since it was indexed: a miss, never someone else's answer.
    if (decoded === undefined || !('line' in decoded) || decoded.line.key !== key) return undefined;
    return decoded.line;
  }

  /** Appends one encoded line; lines queued meanwhile go out together with it. */
  append(key: string, text: string): Promise<void> {
    this.pending.push({ key, text });
    this.flushing ??= this.flush().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** Resolves once everything appended so far is on disk. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private loadIndex(): Promise<Map<string, Span>> {
    this.index ??= this.scan();
    return this.index;
  }

  private async scan(): Promise<Map<string, Span>> {
    const index = new Map<string, Span>();
    for await (const { line, offset, length, text } of scanLines(this.path)) {
      const decoded = decodeRecordingLine(text);
      if ('problem' in decoded) this.warn(`${displayPath(this.path)}:${line}: skipped: ${decoded.problem}`);
      // The last line of a key wins: `record` appends a new answer after the old one.
      else index.set(decoded.line.key, { offset, length });
    }
    return index;
  }

  private async flush(): Promise<void> {
    const index = await this.loadIndex();
    mkdirSync(path.dirname(this.path), { recursive: true });
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      await withFileLock(this.path, () => {
        const fd = openSync(this.path, 'a+');
        try {
          let offset = fstatSync(fd).size;
          // A last line cut short (a killed writer) is closed, so ours starts a line of its own.
          if (offset > 0 && !endsWithNewline(fd, offset)) offset += writeSync(fd, '\n');
          const texts = batch.map((b) => b.text + '\n');
          writeSync(fd, texts.join(''));
          batch.forEach((b, i) => {
            const length = Buffer.byteLength(b.text);
            index.set(b.key, { offset, length });
            offset += Buffer.byteLength(texts[i]!);
          });
        } finally {
          closeSync(fd);
        }
      });
    }
  }
}

function endsWithNewline(fd: number, size: number): boolean {
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

// Appends events to one case's events.jsonl. Each batch is one write of whole lines, so a run
// killed at any moment leaves a file whose every line parses; event_id counts from 1.
// A write that fails (a full disk, an I/O error) cuts the file back to its last whole line and
// throws; the file takes nothing more, so it never has a gap in its event ids. A file that
// exists already (a resumed run appends to its case's file) goes on from its last event_id,
// and a last line a kill cut off is dropped first, so the new lines never join it.
import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { encodeEventLine, type EmittedEvent } from '../runner/events.js';
import { readEventsTail } from './events-tail.js';
import { OutputWriteError } from './write-error.js';

/** The one call that writes; tests pass one that fails at a chosen byte. */
export type WriteBytes = (fd: number, bytes: Buffer, offset: number) => number;

const NEWLINE = 0x0a;

export class EventsFile {
  private fd: number | undefined;
  private nextId = 1;
  /** Bytes in the file that end on a whole line. */
  private size = 0;
  private failure: OutputWriteError | undefined;

  constructor(
    readonly file: string,
    private readonly runId: string,
    private readonly write: WriteBytes = (fd, bytes, offset) => writeSync(fd, bytes, offset),
  ) {}

  append(events: readonly EmittedEvent[]): void {
    if (this.failure) throw this.failure;
    if (events.length === 0) return;
    let bytes = Buffer.alloc(0);
    let offset = 0;
    let firstId = this.nextId;
    try {
      if (this.fd === undefined) this.open();
      firstId = this.nextId;
      let text = '';
      for (const e of events) text += encodeEventLine(this.runId, this.nextId++, e);
      bytes = Buffer.from(text);
      // Regular files take a whole write at once; the loop only guards the rare short write.
      while (offset < bytes.length) offset += this.write(this.fd!, bytes, offset);
      this.size += bytes.length;
    } catch (error) {
      this.failure = new OutputWriteError(this.file, error);
      this.cutToWholeLines(bytes, offset, firstId);
      throw this.failure;
    }
  }

  get eventCount(): number {
    return this.nextId - 1;
  }

  /** The write failure that stopped this file, if any. */
  get failed(): OutputWriteError | undefined {
    return this.failure;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private open(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    this.fd = openSync(this.file, 'a+');
    this.size = fstatSync(this.fd).size;
    if (this.size === 0 || this.nextId > 1) return;
    // A file this object has not written yet: cut a torn last line, number on from its last id.
    const tail = readEventsTail(this.fd, this.size);
    if (tail.wholeBytes < this.size) ftruncateSync(this.fd, tail.wholeBytes);
    this.size = tail.wholeBytes;
    this.nextId = tail.lastId + 1;
  }

  /** Keeps the whole lines of a batch cut short and drops its torn last line. */
  private cutToWholeLines(bytes: Buffer, written: number, firstId: number): void {
    const lastNewline = written > 0 ? bytes.lastIndexOf(NEWLINE, written - 1) : -1;
    const kept = lastNewline + 1;
    let lines = 0;
    for (let i = bytes.indexOf(NEWLINE); i >= 0 && i < kept; i = bytes.indexOf(NEWLINE, i + 1)) lines += 1;
    this.nextId = firstId + lines;
    if (this.fd === undefined) return;
    try {
      ftruncateSync(this.fd, this.size + kept);
      this.size += kept;
    } catch {
      // Truncating frees space and needs none; if even that fails the error already says why.
    }
  }
}

// Appends events to one case's events.jsonl. Each batch is one write of whole lines, so a run
// killed at any moment leaves a file whose every line parses; event_id counts from 1.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { encodeEventLine, type EmittedEvent } from '../runner/events.js';

export class EventsFile {
  private fd: number | undefined;
  private nextId = 1;

  constructor(
    readonly file: string,
    private readonly runId: string,
  ) {}

  append(events: readonly EmittedEvent[]): void {
    if (events.length === 0) return;
    let text = '';
    for (const e of events) text += encodeEventLine(this.runId, this.nextId++, e);
    if (this.fd === undefined) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = openSync(this.file, 'a');
    }
    const bytes = Buffer.from(text);
    // Regular files take a whole write at once; the loop only guards the rare short write.
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(this.fd, bytes, offset);
  }

  get eventCount(): number {
    return this.nextId - 1;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

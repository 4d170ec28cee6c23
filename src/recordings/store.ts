// The recordings of a run: one file per pipeline and model under the recordings folder
// (<dir>/<pipeline>/<model>.jsonl, named as run folders are). `auto` appends each new answer to
// its file as it comes; `record` collects the run's answers in a spool of its own and, when the
// run ends, rewrites each file whole with them (rewrite.ts).
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sanitizeSegment } from '../config/folder-name.js';
import type { ActiveRecordMode } from './mode.js';
import type { RecordingLine } from './recording-line.js';
import { RecordingsFile, type Warn } from './recordings-file.js';
import { rewriteWith } from './rewrite.js';

export function recordingsFilePath(dir: string, pipeline: string, model: string): string {
  return path.join(dir, sanitizeSegment(pipeline), `${sanitizeSegment(model)}.jsonl`);
}

interface Spool {
  file: string;
  fd: number;
}

export class RecordingsStore {
  private readonly files = new Map<string, RecordingsFile>();
  private readonly spools = new Map<string, Spool>();

  constructor(
    readonly dir: string,
    readonly mode: ActiveRecordMode,
    private readonly warn: Warn,
  ) {}

  pathFor(pipeline: string, model: string): string {
    return recordingsFilePath(this.dir, pipeline, model);
  }

  find(file: string, key: string): Promise<RecordingLine | undefined> {
    return this.fileAt(file).find(key);
  }

  /** Keeps one encoded line for `file`: appended now (`auto`) or at the run's end (`record`). */
  async save(file: string, key: string, text: string): Promise<void> {
    if (this.mode !== 'record') return this.fileAt(file).append(key, text);
    let spool = this.spools.get(file);
    if (spool === undefined) {
      const name = path.join(tmpdir(), `evalmatrix-recording-${process.pid}-${randomBytes(4).toString('hex')}.jsonl`);
      spool = { file: name, fd: openSync(name, 'a') };
      this.spools.set(file, spool);
    }
    writeSync(spool.fd, text + '\n');
  }

  /** Everything appended is on disk, and `record`'s files are rewritten. */
  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map((f) => f.settled()));
    const spools = [...this.spools];
    this.spools.clear();
    for (const [target, spool] of spools) {
      closeSync(spool.fd);
      try {
        await rewriteWith(target, spool.file, this.warn);
      } finally {
        rmSync(spool.file, { force: true });
      }
    }
  }

  private fileAt(file: string): RecordingsFile {
    let found = this.files.get(file);
    if (found === undefined) {
      found = new RecordingsFile(file, this.warn);
      this.files.set(file, found);
    }
    return found;
  }
}

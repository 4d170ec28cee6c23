// `record` mode's end: each recordings file it recorded into is rewritten whole — one line per
// key, corrupt lines gone — into a temporary file renamed over it (atomic: a reader sees the old
// file or the new, never half). The run's new answers replace the old ones of their keys; an
// answer equal to the one on file keeps the old line, recorded_at and all, so a refresh that
// changed nothing changes nothing in `git diff`. Done under the file's lock, which every writer
// takes, so no line appended meanwhile is lost.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../config/display-path.js';
import { withFileLock } from './file-lock.js';
import { readSpan, scanLines } from './line-scan.js';
import { decodeRecordingLine, type RecordingLine } from './recording-line.js';
import type { Warn } from './recordings-file.js';

/** Merges the lines of `spool` (this run's, in order) into `target`. */
export async function rewriteWith(target: string, spool: string, warn: Warn): Promise<void> {
  mkdirSync(path.dirname(target), { recursive: true });
  await withFileLock(target, async () => {
    const fresh = await lastOfEachKey(spool, () => undefined);
    const old = await lastOfEachKey(target, warn);
    const temp = `${target}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      const out = new LineWriter(fd);
      for await (const { line, text } of scanLines(target)) {
        const decoded = decodeRecordingLine(text);
        if ('problem' in decoded || old.get(decoded.line.key)?.line !== line) continue;
        const { key, response } = decoded.line;
        const replacement = fresh.has(key) ? await readLine(spool, fresh.get(key)!) : undefined;
        fresh.delete(key);
        const same = replacement === undefined || JSON.stringify(replacement.line.response) === JSON.stringify(response);
        out.write(same ? text : replacement.text);
      }
      for (const span of fresh.values()) {
        const added = await readLine(spool, span);
        if (added) out.write(added.text);
      }
      out.end();
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      rmSync(temp, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(temp, target);
  });
}

interface Place {
  line: number;
  offset: number;
  length: number;
}

/** Where each key's last good line is in `file` (a Map keeps keys in first-seen order). */
async function lastOfEachKey(file: string, warn: Warn): Promise<Map<string, Place>> {
  const places = new Map<string, Place>();
  for await (const { line, offset, length, text } of scanLines(file)) {
    const decoded = decodeRecordingLine(text);
    if ('problem' in decoded) warn(`${displayPath(file)}:${line}: dropped by this rewrite: ${decoded.problem}`);
    else places.set(decoded.line.key, { line, offset, length });
  }
  return places;
}

async function readLine(file: string, place: Place): Promise<{ text: string; line: RecordingLine } | undefined> {
  const text = await readSpan(file, place.offset, place.length);
  const decoded = text === undefined ? undefined : decodeRecordingLine(text);
  return decoded && 'line' in decoded ? { text: text!, line: decoded.line } : undefined;
}

/** Lines written in blocks of about a megabyte. */
class LineWriter {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    this.buffer.push(text + '\n');
    this.size += text.length + 1;
    if (this.size > 1 << 20) this.end();
  }

  end(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
}

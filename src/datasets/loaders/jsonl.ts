// Streaming JSONL reader. Datasets can be larger than memory, so the file is read line by
// line and each row is parsed on its own: one bad row becomes an error entry, never a throw.
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { RowEntry } from '../row-entry.js';
import { checkedUtf8, openDatasetFile } from './open-file.js';
import { parseObjectRow } from './parse-row.js';

/** One non-blank line: 1-based `line` (blank lines count, so editors agree) and either the row or why it is unusable. */
export type JsonlEntry = RowEntry;

/**
 * Yields one entry per non-blank line. Throws only when the file itself cannot be opened.
 * Breaking out of the loop closes the file, so callers may stop early.
 */
export async function* readJsonl(file: string): AsyncGenerator<JsonlEntry> {
  const path = resolve(file);
  // Open first: a stream opened lazily would report ENOENT as a generic stream error.
  const handle = await openDatasetFile(path, 'JSONL');
  const stream = Readable.from(checkedUtf8(handle, path));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      // A BOM from Windows editors would otherwise break JSON.parse on the first row.
      const raw = line === 1 ? text.replace(/^\uFEFF/, '') : text;
      if (raw.trim() === '') continue;
      yield { line, ...parseObjectRow(raw, 'a JSON object per line') };
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

// Streams the events of one events.jsonl, line by line, so a long case is never held in memory
// whole. A line that is not a whole event (a truncated last line, a corrupt one) is reported
// with its number and skipped; the events around it are still read.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { writtenEventSchema, type WrittenEvent } from '../../runner/events.js';
import type { Problems } from './problems.js';

export async function* readEvents(file: string, problems: Problems): AsyncGenerator<WrittenEvent> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.add(file, `line ${lineNo} skipped: truncated or invalid JSON`);
      continue;
    }
    const parsed = writtenEventSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.add(file, `line ${lineNo} skipped: not an event of this format (${issue?.path.join('.') || '(root)'}: ${issue?.message})`);
      continue;
    }
    yield parsed.data;
  }
}

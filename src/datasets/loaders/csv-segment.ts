// One uninterrupted stretch of a CSV file through csv-parse's streaming parser: from a byte
// offset until the end of the file or the first error. csv-parse cannot be trusted to go on
// after a quoting error (after an invalid closing quote it stays inside the quoted field and
// swallows the rows that follow, losing them; measured with skip_records_with_error on
// csv-parse 6.2), so csv.ts starts a fresh segment after the failed row instead.
import { createReadStream } from 'node:fs';
import { CsvError, parse, type Parser } from 'csv-parse';
import { countNewlines, LineCounter } from './line-positions.js';

/** A row longer than this is an error: almost always a quote that never closes, which would
 *  otherwise take the rest of the file into one field (and into memory). */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

export interface CsvRecord {
  /** The raw bytes of each field (decoded by the caller, which checks they are UTF-8). */
  fields: Buffer[];
  /** The lines the record starts and ends on, and the byte just after it (its line break included). */
  line: number;
  lastLine: number;
  end: number;
}

export type SegmentItem = { record: CsvRecord } | { failure: CsvError | Error };

export interface SegmentStart {
  byte: number;
  line: number;
}

/** Yields the segment's records in order, then at most one failure, after which it stops. */
export async function* parseSegment(path: string, start: SegmentStart, delimiter: string): AsyncGenerator<SegmentItem> {
  const lines = new LineCounter(start);
  const ready: CsvRecord[] = [];
  const parser = parse({
    delimiter,
    encoding: null, // fields stay bytes, so bytes that are not UTF-8 can be reported rather than replaced
    relax_column_count: true, // a ragged row is reported by csv.ts, with both counts
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: (record, context) => {
      const fields = record as unknown as Buffer[]; // encoding: null gives bytes; the types assume strings
      const end = start.byte + context.bytes;
      // The record's last line is the one holding its final byte; its newlines are in its fields.
      const lastLine = lines.lineOf(end - 1);
      const inside = fields.reduce((n, field) => n + countNewlines(field), 0);
      ready.push({ fields, line: lastLine - inside, lastLine, end });
      return null; // collected here, so the order of records and failures is ours to keep
    },
  });
  parser.on('error', () => undefined); // failures arrive through the write callbacks below
  const stream = createReadStream(path, { start: start.byte });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      lines.add(chunk);
      const failure = await settle(parser, chunk);
      for (const record of ready.splice(0)) yield { record };
      if (failure) {
        yield { failure };
        return;
      }
    }
    const failure = await settle(parser, undefined);
    for (const record of ready.splice(0)) yield { record };
    if (failure) yield { failure };
  } finally {
    stream.destroy();
    parser.destroy();
  }
}

/** Writes a chunk (or ends the input) and resolves once csv-parse has handled it. */
function settle(parser: Parser, chunk: Buffer | undefined): Promise<Error | undefined> {
  return new Promise((resolve) => {
    const done = (error?: Error | null): void => resolve(error ?? undefined);
    if (chunk === undefined) parser.end(done);
    else parser.write(chunk, done);
  });
}

export { CsvError };

// `loader: csv` and `loader: tsv`: delimited text with a header row, streamed through
// csv-parse. Quoting ("a, b", "say ""hi""", line breaks inside quotes), a UTF-8 BOM and CRLF
// line ends are handled. A row that cannot be used (a count of fields unlike the header's, bad
// quoting, bytes that are not UTF-8) becomes that row's error, at the line it starts on, and
// the rows after it are read as usual. Every value is a string: CSV has no types.
import { isUtf8 } from 'node:buffer';
import { DatasetError } from '../dataset-error.js';
import type { RowEntry } from '../row-entry.js';
import { resumeAfterBadLine } from './line-positions.js';
import { openDatasetFile } from './open-file.js';
import { CsvError, MAX_RECORD_BYTES, parseSegment, type CsvRecord, type SegmentStart } from './csv-segment.js';

export interface DelimitedFormat {
  /** "CSV" or "TSV", for messages. */
  kind: string;
  delimiter: string;
}

export const CSV: DelimitedFormat = { kind: 'CSV', delimiter: ',' };
export const TSV: DelimitedFormat = { kind: 'TSV', delimiter: '\t' };

export async function* readDelimitedRows(path: string, format: DelimitedFormat): AsyncGenerator<RowEntry> {
  let header: string[] | undefined;
  let start: SegmentStart | undefined = { byte: await bomLength(path, format.kind), line: 1 };
  while (start) {
    let lastEnd = start;
    let failure: Error | undefined;
    for await (const item of parseSegment(path, start, format.delimiter)) {
      if ('failure' in item) {
        failure = item.failure;
        break;
      }
      const { record } = item;
      lastEnd = { byte: record.end, line: record.lastLine + 1 };
      if (header === undefined) header = readHeader(record, path);
      else yield toRow(record, header);
    }
    if (!failure) return;
    const resume = await resumeAfterBadLine(path, lastEnd);
    if (header === undefined) throw new DatasetError(`${path}:${resume.badLine}: the header row cannot be read: ${describeFailure(failure)}`);
    yield { line: resume.badLine, error: describeFailure(failure) };
    start = resume.next;
  }
}

/** Opens the file (so a missing file or a folder gets its own message) and reads past a UTF-8
 *  byte order mark: csv-parse's `bom` option would turn the fields into strings. */
async function bomLength(path: string, kind: string): Promise<number> {
  const handle = await openDatasetFile(path, kind);
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(3), 0, 3, 0);
    return bytesRead === 3 && buffer.equals(UTF8_BOM) ? 3 : 0;
  } finally {
    await handle.close();
  }
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function readHeader(record: CsvRecord, path: string): string[] {
  const names = record.fields.map((field, i) => {
    if (!isUtf8(field)) throw new DatasetError(`${path}:${record.line}: the header row is not valid UTF-8. Save the file as UTF-8`);
    // An unnamed column (pandas writes its index so) still needs a name to be mapped by.
    return field.length === 0 ? `column_${i + 1}` : field.toString('utf8');
  });
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const earlier = seen.get(name);
    if (earlier !== undefined) throw new DatasetError(`${path}:${record.line}: the header names column "${name}" twice (columns ${earlier + 1} and ${i + 1}); rows could not keep both`);
    seen.set(name, i);
  });
  return names;
}

function toRow(record: CsvRecord, header: string[]): RowEntry {
  const { fields, line } = record;
  if (fields.length !== header.length) {
    return { line, error: `this row has ${fields.length} field${fields.length === 1 ? '' : 's'}, the header has ${header.length} (${header.join(', ')}). Quote a field that holds the delimiter` };
  }
  const value: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (!isUtf8(field)) return { line, error: `column "${header[i]}" is not valid UTF-8 text. Save the file as UTF-8` };
    value[header[i]!] = field.toString('utf8');
  }
  return { line, value };
}

function describeFailure(failure: Error): string {
  const code = failure instanceof CsvError ? failure.code : undefined;
  switch (code) {
    case 'INVALID_OPENING_QUOTE':
      return 'bad quoting: a quote inside a field that does not start with one. Quote the whole field and double the quotes in it ("5"" screen")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'bad quoting: text follows the closing quote of a field. Double the quotes inside a quoted field ("say ""hi""")';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'bad quoting: a quote opened in this row is never closed; the lines after this one are read again as rows';
    case 'CSV_MAX_RECORD_SIZE':
      return `this row runs past ${MAX_RECORD_BYTES / 1024 / 1024} MiB, most likely a quote that never closes; the lines after this one are read again as rows`;
    default:
      return `this row cannot be parsed: ${failure.message}`;
  }
}

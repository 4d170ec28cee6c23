// `loader: json`: a JSON file holding an array of rows, or an object whose `key` (default
// `rows`) holds it. Streamed: rows are cut out by JsonRowScanner as the file is read and parsed
// one at a time, so a file larger than memory reads like a JSONL file. A malformed row is that
// row's error; a broken structure (a bracket that closes the wrong thing, a file cut short) ends
// the dataset with an error after the rows before it.
import { StringDecoder } from 'node:string_decoder';
import { DatasetError } from '../dataset-error.js';
import type { RowEntry } from '../row-entry.js';
import { JsonRowScanner, JsonStructureError } from './json-scan.js';
import { checkedUtf8, openDatasetFile } from './open-file.js';
import { parseObjectRow } from './parse-row.js';

export const DEFAULT_JSON_KEY = 'rows';

export async function* readJsonRows(path: string, key: string = DEFAULT_JSON_KEY): AsyncGenerator<RowEntry> {
  const handle = await openDatasetFile(path, 'JSON');
  const bytes = checkedUtf8(handle, path);
  // Decodes across chunk boundaries (a character cut in two waits for its other half).
  const decoder = new StringDecoder('utf8');
  const scanner = new JsonRowScanner(key);
  let first = true;
  try {
    for await (const chunk of bytes) {
      const decoded = decoder.write(chunk);
      const text = first ? decoded.replace(/^\uFEFF/, '') : decoded;
      first = false;
      for (const element of structured(path, () => scanner.push(text))) yield { line: element.line, ...parseObjectRow(element.text, 'each row to be a JSON object') };
    }
    structured(path, () => scanner.end());
  } finally {
    await bytes.return(undefined);
    await handle.close();
  }
}

/** Runs a scanner step, naming the file in a structural error. */
function structured<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof JsonStructureError)) throw error;
    throw new DatasetError(`${path}: ${error.message}. Rows after this point cannot be read`, { cause: error });
  }
}

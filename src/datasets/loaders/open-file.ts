// Opens a dataset file for streaming, turning the ways a path can be wrong into messages that
// name the dataset, the path and what to do. A folder opens fine on Linux and only fails on the
// first read (EISDIR), so it is checked before anything is read. Its bytes are read through
// checkedUtf8, which refuses the first that is not UTF-8 instead of decoding it to U+FFFD.
import { open, type FileHandle } from 'node:fs/promises';
import { Utf8Check } from '../../config/utf8.js';
import { DatasetError } from '../dataset-error.js';

/** `kind` names the format in messages ("CSV"); the caller owns the handle and closes it. */
export async function openDatasetFile(path: string, kind: string): Promise<FileHandle> {
  const handle = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') {
      throw new DatasetError(`${kind} file not found: ${path}. Check the dataset's "path" and the directory it is resolved from (the pipeline file's)`, { cause: err });
    }
    if (err.code === 'EISDIR') throw folderError(path, kind);
    throw new DatasetError(`Cannot open ${kind} file ${path} (${err.code ?? err.message}). Check that it is a readable file`, { cause: err });
  });
  const stats = await handle.stat();
  if (stats.isDirectory()) {
    await handle.close();
    throw folderError(path, kind);
  }
  return handle;
}

function folderError(path: string, kind: string): DatasetError {
  return new DatasetError(`${path} is a folder, not a ${kind} file. Point the dataset's "path" at a file inside it`);
}

/** The file's bytes, refused at the first that is not UTF-8 (lenient decoding would turn them into U+FFFD). */
export async function* checkedUtf8(handle: FileHandle, path: string): AsyncGenerator<Buffer> {
  const check = new Utf8Check(path);
  for await (const chunk of handle.createReadStream() as AsyncIterable<Buffer>) {
    check.push(chunk);
    yield chunk;
  }
  check.end();
}

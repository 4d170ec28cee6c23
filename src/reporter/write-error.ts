// An output file that could not be written (ENOSPC, EIO, EACCES…), named with what to do. The
// reporter throws it back to the test that sent the data, so that case fails, and prints it.
import { displayPath } from '../config/display-path.js';

const ADVICE: Record<string, string> = {
  ENOSPC: 'the disk is full: free space (or point EVALMATRIX_OUTPUT_DIR elsewhere) and run again',
  EDQUOT: 'the disk quota is used up: free space and run again',
  EIO: 'the disk reported an I/O error: check it and run again',
  EROFS: 'the file system is read-only: point EVALMATRIX_OUTPUT_DIR at a writable folder',
  EACCES: 'no permission to write there: point EVALMATRIX_OUTPUT_DIR at a writable folder',
  ENAMETOOLONG: 'the path is too long: shorten the ids or EVALMATRIX_OUTPUT_DIR',
};

export class OutputWriteError extends Error {
  override readonly name = 'OutputWriteError';
  readonly code: string | undefined;

  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const advice = (code && ADVICE[code]) ?? 'check the output folder and run again';
    super(`evalmatrix could not write ${displayPath(file)} (${code ?? (cause as Error)?.message ?? cause}): ${advice}`, { cause });
    this.code = code;
    // Where in the reporter it failed helps no one; the file and the reason do.
    this.stack = `${this.name}: ${this.message}`;
  }
}

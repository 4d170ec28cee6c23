// Text input (pipeline files, matrices, templates, datasets) must be UTF-8: decoded leniently,
// a Latin-1 file or a binary one would turn into U+FFFD characters and load silently wrong.
// One check for every reader, whole buffers or streamed chunks, that names the first bad
// byte's offset. It lives in config/, the lowest layer, so datasets/ can use it too.
import { isUtf8 } from 'node:buffer';

export class NotUtf8Error extends Error {
  override readonly name = 'NotUtf8Error';
  constructor(
    readonly file: string,
    /** 0-based offset of the first byte that is not valid UTF-8 (or is a NUL). */
    readonly offset: number,
    readonly binary: boolean,
  ) {
    super(
      binary
        ? `${file} is a binary file, not text (a NUL byte at byte offset ${offset}). Point at the text file meant here`
        : `${file} is not valid UTF-8 (at byte offset ${offset}). Save it as UTF-8`,
    );
  }
}

/** Checks text arriving in chunks; `push` throws NotUtf8Error at the first bad byte. */
export class Utf8Check {
  private offset = 0;
  /** The start of a sequence cut by the chunk boundary, kept for the next chunk. */
  private carry: Uint8Array = new Uint8Array(0);

  constructor(private readonly file: string) {}

  push(chunk: Uint8Array): void {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const start = this.offset - this.carry.length;
    // The common case, a chunk of valid text without NULs, costs one native pass.
    if (isUtf8(bytes) && bytes.indexOf(0) === -1) {
      this.carry = new Uint8Array(0);
      this.offset = start + bytes.length;
      return;
    }
    const { bad, complete } = scan(bytes);
    if (bad >= 0) throw new NotUtf8Error(this.file, start + bad, bytes[bad] === 0);
    this.carry = bytes.slice(complete);
    this.offset = start + bytes.length;
  }

  /** At the end of input, a cut-off sequence is an error too. */
  end(): void {
    if (this.carry.length > 0) throw new NotUtf8Error(this.file, this.offset - this.carry.length, false);
  }
}

/** Whole-buffer form of Utf8Check. */
export function checkUtf8(file: string, bytes: Uint8Array): void {
  const check = new Utf8Check(file);
  check.push(bytes);
  check.end();
}

/** The first invalid byte (or NUL), else -1; `complete`: where a trailing cut-off sequence starts. */
function scan(bytes: Uint8Array): { bad: number; complete: number } {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0) return { bad: i, complete: i };
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return { bad: i, complete: i };
    if (i + length > bytes.length) {
      // Cut by the chunk boundary, unless what is there is already wrong.
      for (let k = i + 1; k < bytes.length; k++) if (!continuation(bytes, i, k)) return { bad: i, complete: i };
      return { bad: -1, complete: i };
    }
    for (let k = i + 1; k < i + length; k++) if (!continuation(bytes, i, k)) return { bad: i, complete: i };
    i += length;
  }
  return { bad: -1, complete: bytes.length };
}

/** Byte k continues the sequence led at `lead` (with UTF-8's limits on the second byte). */
function continuation(bytes: Uint8Array, lead: number, k: number): boolean {
  const b = bytes[k]!;
  if ((b & 0xc0) !== 0x80) return false;
  if (k !== lead + 1) return true;
  const first = bytes[lead]!;
  if (first === 0xe0) return b >= 0xa0; // overlong
  if (first === 0xed) return b <= 0x9f; // surrogates
  if (first === 0xf0) return b >= 0x90; // overlong
  if (first === 0xf4) return b <= 0x8f; // past U+10FFFF
  return true;
}

// Finds the rows of a JSON document as it streams past, without parsing the rest: the document
// is an array of rows, or an object one of whose top-level keys holds that array. The scanner
// tracks only strings and bracket depth; each row's text is cut out and handed to JSON.parse
// on its own, so memory holds one row at a time and a malformed row costs only itself. What
// is not a row (other keys' values) is skipped unparsed.

/** A row's text and the line it starts on. */
export interface JsonElement {
  line: number;
  text: string;
}

/** The document's structure is broken (or holds no rows): nothing after this point can be read. */
export class JsonStructureError extends Error {
  override readonly name = 'JsonStructureError';
}

const QUOTE = 34, BACKSLASH = 92, COMMA = 44, COLON = 58, NEWLINE = 10;
const ARRAY = 91, OBJECT = 123, ARRAY_END = 93, OBJECT_END = 125;

export class JsonRowScanner {
  private line = 1;
  private readonly open: Array<{ opener: number; line: number }> = [];
  private inString = false;
  private escaped = false;
  private root: number | undefined;
  private rootClosed = false;
  /** The depth of the rows array's elements, once that array is found. */
  private rowsDepth: number | undefined;
  private rowsClosed = false;
  // The root object's `"key": value` pairs: which part comes next, and the key being read.
  private expectKey = false;
  private awaitingValue = false;
  private keyPieces: string[] | undefined;
  private currentKey = '';
  /** The root object's keys seen so far (the first 30), for the message when `key` is not there. */
  readonly keys: string[] = [];
  private rowPieces: string[] | undefined;
  private rowLine = 0;

  /** `key`: the root object's key that holds the rows (unused when the root is an array). */
  constructor(private readonly key: string) {}

  /** Feeds the next piece of text; returns the rows it completed. */
  push(chunk: string): JsonElement[] {
    const rows: JsonElement[] = [];
    let rowFrom = 0; // where the current row starts in this chunk (0: it began in an earlier one)
    let keyFrom = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (this.inString) {
        i = this.skipString(chunk, i);
        if (!this.inString && this.keyPieces) this.finishKey(chunk.slice(keyFrom, i + 1));
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) {
        this.line += 1;
        continue;
      }
      if (c === 32 || c === 9 || c === 13) continue;
      if (this.rootClosed) throw this.fail(`more JSON follows the end of the top-level ${this.root === ARRAY ? 'array' : 'object'}. A file of one JSON object per line needs loader: jsonl`);
      // A row runs from its first character to the comma or bracket that ends it.
      if (this.open.length === this.rowsDepth && !this.rowsClosed) {
        if (c === COMMA || c === ARRAY_END) {
          if (this.rowPieces) rows.push(this.cutRow(chunk.slice(rowFrom, i)));
        } else if (!this.rowPieces) {
          this.rowPieces = [];
          this.rowLine = this.line;
          rowFrom = i;
        }
      }
      if (this.open.length === 1 && this.root === OBJECT && this.startsKey(c)) {
        keyFrom = i;
        this.inString = true;
        continue;
      }
      this.structure(c);
    }
    if (this.rowPieces) this.rowPieces.push(chunk.slice(rowFrom));
    if (this.keyPieces) this.keyPieces.push(chunk.slice(keyFrom));
    return rows;
  }

  /** Call at the end of the text: a document cut short, or without the rows key, is an error. */
  end(): void {
    const open = this.open.at(-1);
    if (open) throw this.fail(`the file ends inside the ${nameOf(open.opener)} opened on line ${open.line}: it is cut short or a bracket is missing`);
    if (this.root === OBJECT && this.rowsDepth === undefined) {
      throw new JsonStructureError(`the top-level object has no key "${this.key}" (its keys: ${this.keys.join(', ') || 'none'}). Name the key that holds the rows with \`key:\` in the dataset`);
    }
  }

  /** From inside a string to its closing quote (returned, and the string ends) or to the end of
   *  the chunk. Raw newlines cannot occur inside a valid JSON string, so none are counted. */
  private skipString(chunk: string, from: number): number {
    let i = from;
    if (this.escaped) {
      this.escaped = false;
      i += 1;
    }
    for (;;) {
      const quote = chunk.indexOf('"', i);
      const backslash = chunk.indexOf('\\', i);
      if (backslash !== -1 && (quote === -1 || backslash < quote)) {
        if (backslash === chunk.length - 1) {
          this.escaped = true;
          return chunk.length;
        }
        i = backslash + 2;
        continue;
      }
      if (quote === -1) return chunk.length;
      this.inString = false;
      return quote;
    }
  }

  /** The root object's bookkeeping at depth 1; true when `c` opens a key. */
  private startsKey(c: number): boolean {
    if (this.expectKey) {
      if (c !== QUOTE) return false;
      this.expectKey = false;
      this.keyPieces = [];
      return true;
    }
    if (c === COMMA) this.expectKey = true;
    else if (c === COLON) this.awaitingValue = true;
    else if (this.awaitingValue) {
      this.awaitingValue = false;
      if (this.currentKey === this.key && this.rowsDepth === undefined) {
        if (c !== ARRAY) throw this.fail(`the key "${this.key}" holds ${valueKind(c)}, not an array of rows`);
        this.rowsDepth = 2;
      }
    }
    return false;
  }

  private finishKey(lastPiece: string): void {
    this.keyPieces!.push(lastPiece);
    const raw = this.keyPieces!.join('');
    this.keyPieces = undefined;
    try {
      this.currentKey = JSON.parse(raw) as string;
    } catch {
      this.currentKey = raw;
    }
    if (this.keys.length < 30) this.keys.push(this.currentKey);
  }

  /** Strings, brackets and the root. */
  private structure(c: number): void {
    if (this.root === undefined) {
      if (c !== ARRAY && c !== OBJECT) throw this.fail(`the file does not start with an array of rows or an object holding one (it starts with ${valueKind(c)})`);
      this.root = c;
      if (c === ARRAY) this.rowsDepth = 1;
      else this.expectKey = true;
    }
    if (c === QUOTE) this.inString = true;
    else if (c === ARRAY || c === OBJECT) this.open.push({ opener: c, line: this.line });
    else if (c === ARRAY_END || c === OBJECT_END) {
      const open = this.open.pop();
      const expected = c === ARRAY_END ? ARRAY : OBJECT;
      if (open?.opener !== expected) {
        const closer = String.fromCharCode(c);
        throw this.fail(open ? `"${closer}" closes the ${nameOf(open.opener)} opened on line ${open.line}` : `"${closer}" closes nothing`);
      }
      if (c === ARRAY_END && this.open.length === (this.rowsDepth ?? 0) - 1) this.rowsClosed = true;
      if (this.open.length === 0) this.rootClosed = true;
    }
  }

  private cutRow(lastPiece: string): JsonElement {
    this.rowPieces!.push(lastPiece);
    const text = this.rowPieces!.join('').trim();
    this.rowPieces = undefined;
    return { line: this.rowLine, text };
  }

  private fail(message: string): JsonStructureError {
    return new JsonStructureError(`line ${this.line}: ${message}`);
  }
}

function nameOf(opener: number): string {
  return opener === ARRAY ? 'array' : 'object';
}

function valueKind(c: number): string {
  if (c === QUOTE) return 'a string';
  if (c === OBJECT) return 'an object';
  if (c === 116 || c === 102) return 'a boolean';
  if (c === 110) return 'null';
  return c === 45 || (c >= 48 && c <= 57) ? 'a number' : `"${String.fromCharCode(c)}"`;
}

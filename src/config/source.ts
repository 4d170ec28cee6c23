// Reading a YAML config file into a Source (the parsed document and what is needed to point
// into its text), shared by pipelines, model matrices and templates so that each reports a
// missing file, a syntax error or a bad value the same way.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError } from './errors.js';
import { locate, type PathIssue, type Source } from './locate.js';
import { NotUtf8Error, checkUtf8 } from './utf8.js';
import { syntaxIssue } from './yaml-syntax.js';

/**
 * Aliases (`*name`) one file may expand. The yaml library stops a file whose aliases expand
 * past this (its `maxAliasCount`, default 100) with a bare ReferenceError: a "billion laughs"
 * file of nested aliases would otherwise take all memory. Real pipelines use a few anchors.
 */
export const MAX_ALIAS_COUNT = 100;

/** Reads and parses `file`; `noun` names the kind of file in errors ("pipeline file"). */
export function readSource(file: string, noun: string): Source {
  const absolute = resolve(file);
  return parseSource(readText(file, absolute, noun), absolute);
}

/** Parses text as if read from `file`; every YAML syntax error is reported at once. */
export function parseSource(text: string, file: string): Source {
  const absolute = resolve(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  // Only the first: one slip (an unquoted `${...}` in a flow mapping) makes dozens of errors
  // after it that are only its echo.
  const [first] = doc.errors;
  if (first) throw new ConfigError(absolute, [syntaxIssue(first, text, lineCounter, doc.errors.length)]);
  checkAliases(doc, absolute, text, lineCounter);
  return { file: absolute, doc, lineCounter };
}

/** Expands the aliases once, under MAX_ALIAS_COUNT, so later reads of the document can't blow up. */
function checkAliases(doc: Document, file: string, text: string, lineCounter: LineCounter): void {
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // The library's words: "Unresolved alias (the anchor must be set before the alias): name".
    const unresolved = /^Unresolved alias.*: (\S+)$/.exec(error.message);
    if (unresolved) {
      const at = text.indexOf(`*${unresolved[1]}`);
      const { line, col } = lineCounter.linePos(Math.max(0, at));
      throw new ConfigError(file, [
        { message: `the alias *${unresolved[1]} refers to no anchor (&${unresolved[1]}) before it`, hint: 'Define the anchor first, or write the value out', ...(at >= 0 ? { line, column: col } : {}) },
      ]);
    }
    throw new ConfigError(file, [
      {
        message: `its aliases (*name) expand to too many nodes (more than ${MAX_ALIAS_COUNT} alias expansions), as in a "billion laughs" file meant to exhaust memory`,
        hint: 'Write the repeated values out, or use fewer nested anchors and aliases',
      },
    ]);
  }
}

/** Every problem of one pass, placed in the text and in reading order. */
export function failAt(source: Source, issues: PathIssue[]): never {
  const located = issues.map((issue) => locate(source, issue));
  located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  throw new ConfigError(source.file, located);
}

function readText(file: string, absolute: string, noun: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? `${noun} not found: looked for ${absolute} ("${file}" resolved against ${process.cwd()})`
        : code === 'EISDIR'
          ? `${noun} ${absolute} is a folder, not a file`
          : `cannot read ${noun} ${absolute} (${code ?? (error as Error).message})`;
    throw new ConfigError(absolute, [{ message, hint: 'Check the path; a relative path is resolved against the working directory' }]);
  }
  try {
    checkUtf8(absolute, bytes);
  } catch (error) {
    if (!(error instanceof NotUtf8Error)) throw error;
    const what = error.binary ? `a binary file, not YAML (a NUL byte at byte offset ${error.offset})` : `not valid UTF-8 (at byte offset ${error.offset})`;
    throw new ConfigError(absolute, [{ message: `${noun} ${absolute} is ${what}`, hint: error.binary ? 'Point at the YAML file meant here' : 'Save the file as UTF-8' }]);
  }
  // A BOM from Windows editors is not part of the YAML.
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

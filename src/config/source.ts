// Reading a YAML config file into a Source (the parsed document and what is needed to point
// into its text), shared by pipelines, model matrices and templates so that each reports a
// missing file, a syntax error or a bad value the same way.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { ConfigError, type ConfigIssue } from './errors.js';
import { locate, type PathIssue, type Source } from './locate.js';

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
  if (doc.errors.length > 0) {
    throw new ConfigError(absolute, doc.errors.map((error) => syntaxIssue(error, lineCounter)));
  }
  return { file: absolute, doc, lineCounter };
}

/** Every problem of one pass, placed in the text and in reading order. */
export function failAt(source: Source, issues: PathIssue[]): never {
  const located = issues.map((issue) => locate(source, issue));
  located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  throw new ConfigError(source.file, located);
}

function readText(file: string, absolute: string, noun: string): string {
  try {
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? `${noun} not found: looked for ${absolute} ("${file}" resolved against ${process.cwd()})`
        : `cannot read ${noun} ${absolute}: ${(error as Error).message}`;
    throw new ConfigError(absolute, [{ message, hint: 'Check the path; a relative path is resolved against the working directory' }]);
  }
}

function syntaxIssue(error: YAMLError, lineCounter: LineCounter): ConfigIssue {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const hint = error.code === 'DUPLICATE_KEY' ? 'Remove or merge the repeated key' : 'Fix the YAML at this position';
  return { message: `YAML syntax error: ${error.message}`, hint, line, column: col };
}

// Pipeline file → validated PipelineSpec. Stages run in order and each stops at its first
// failing pass, reporting every problem of that pass at once: YAML syntax, then ${VAR}
// interpolation, then the schema, then the checks that need the whole pipeline.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { ConfigError, type ConfigIssue } from './errors.js';
import { interpolateDocument, type Env } from './interpolate.js';
import { locate, type PathIssue, type Source } from './locate.js';
import { checkReferences } from './references.js';
import { pipelineSchema, type PipelineSpec } from './schema.js';
import { checkTasks } from './task-rules.js';
import { describeZodIssue } from './zod-issues.js';

export interface LoadedPipeline {
  spec: PipelineSpec;
  /** Absolute path of the pipeline file. */
  file: string;
  /** The file's directory: dataset paths are relative to it. */
  baseDir: string;
}

export interface LoadOptions {
  /** Variables for ${VAR} placeholders; process.env when omitted. */
  env?: Env;
}

export function loadPipeline(file: string, options: LoadOptions = {}): LoadedPipeline {
  const absolute = resolve(file);
  return parsePipeline(readPipelineFile(file, absolute), absolute, options);
}

/** Parse pipeline text as if read from `file` (which names it in errors and anchors dataset paths). */
export function parsePipeline(text: string, file: string, options: LoadOptions = {}): LoadedPipeline {
  const absolute = resolve(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ConfigError(absolute, doc.errors.map((error) => syntaxIssue(error, lineCounter)));
  }
  const source: Source = { file: absolute, doc, lineCounter };
  const data: unknown = interpolateDocument(source, options.env ?? process.env).toJS();

  const parsed = pipelineSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) fail(source, parsed.error.issues.flatMap((issue) => describeZodIssue(issue, pipelineSchema, data)));
  const spec = parsed.data;
  const issues = [...checkReferences(spec), ...checkTasks(spec)];
  if (issues.length > 0) fail(source, issues);
  return { spec, file: absolute, baseDir: dirname(absolute) };
}

function readPipelineFile(file: string, absolute: string): string {
  try {
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? `pipeline file not found: looked for ${absolute} ("${file}" resolved against ${process.cwd()})`
        : `cannot read pipeline file ${absolute}: ${(error as Error).message}`;
    throw new ConfigError(absolute, [{ message, hint: 'Check the path; a relative path is resolved against the working directory' }]);
  }
}

function syntaxIssue(error: YAMLError, lineCounter: LineCounter): ConfigIssue {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const hint = error.code === 'DUPLICATE_KEY' ? 'Remove or merge the repeated key' : 'Fix the YAML at this position';
  return { message: `YAML syntax error: ${error.message}`, hint, line, column: col };
}

/** Every problem of one pass, placed in the text and in reading order. */
function fail(source: Source, issues: PathIssue[]): never {
  const located = issues.map((issue) => locate(source, issue));
  located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  throw new ConfigError(source.file, located);
}

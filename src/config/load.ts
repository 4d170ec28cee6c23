// Pipeline file → validated PipelineSpec. Stages run in order and each stops at its first
// failing pass, reporting every problem of that pass at once: YAML syntax, then the
// compatibility rules, then ${VAR} interpolation, then the schema, then the checks that need
// the whole pipeline.
import { dirname, resolve } from 'node:path';
import { applyCompat } from './compat.js';
import { formatIssue, type ConfigIssue } from './errors.js';
import { interpolateDocument, type Env } from './interpolate.js';
import { locate, type PathIssue, type Source } from './locate.js';
import { checkBackends } from './backend-rules.js';
import { checkIds } from './id-rules.js';
import { checkPrompts } from './prompt-rules.js';
import { checkReferences } from './references.js';
import { pipelineSchema, type PipelineSpec } from './schema.js';
import { failAt, parseSource, readSource } from './source.js';
import { checkTasks } from './task-rules.js';
import { describeZodIssue } from './zod-issues.js';

export interface LoadedPipeline {
  spec: PipelineSpec;
  /** Absolute path of the pipeline file. */
  file: string;
  /** The file's directory: dataset paths are relative to it. */
  baseDir: string;
  /** What the compatibility rules changed or ignored (already reported through onNotice). */
  notices: readonly ConfigIssue[];
}

/**
 * A check that layers above config add (metrics, prompts, datasets know rules the schema
 * cannot): it sees the validated spec and reports problems at data paths, which are placed in
 * the YAML like every other config error. Runs once the built-in checks have passed.
 */
export type PipelineCheck = (spec: PipelineSpec, context: { file: string; baseDir: string }) => PathIssue[];

export interface LoadOptions {
  /** Variables for ${VAR} placeholders; process.env when omitted. */
  env?: Env;
  /** Further checks, run in order after the schema and reference checks (see PipelineCheck). */
  checks?: readonly PipelineCheck[];
  /** Receives each compatibility notice; by default each is printed once per process. */
  onNotice?: (notice: ConfigIssue, file: string) => void;
}

export function loadPipeline(file: string, options: LoadOptions = {}): LoadedPipeline {
  return validatePipeline(readSource(file, 'pipeline file'), options);
}

/** Parse pipeline text as if read from `file` (which names it in errors and anchors dataset paths). */
export function parsePipeline(text: string, file: string, options: LoadOptions = {}): LoadedPipeline {
  return validatePipeline(parseSource(text, file), options);
}

/** Everything after YAML parsing, on a document that may not come from a file of its own (a
 *  filled matrix template keeps the template's positions, so errors point into it). */
export function validatePipeline(source: Source, options: LoadOptions = {}): LoadedPipeline {
  const compat = applyCompat(source.doc, pipelineSchema);
  if (compat.issues.length > 0) failAt(source, compat.issues);
  const notices = compat.notices.map((notice) => locate(source, notice)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const report = options.onNotice ?? printOnce;
  for (const notice of notices) report(notice, source.file);

  // The copy keeps the original's positions; only what the rules added has none of its own.
  const adjusted: Source = { ...source, doc: compat.doc };
  const data: unknown = interpolateDocument(adjusted, options.env ?? process.env).toJS();
  const parsed = pipelineSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) failAt(adjusted, parsed.error.issues.flatMap((issue) => describeZodIssue(issue, pipelineSchema, data)));
  const spec = parsed.data;
  const issues = [...checkReferences(spec), ...checkTasks(spec), ...checkPrompts(spec), ...checkIds(spec), ...checkBackends(spec)];
  if (issues.length > 0) failAt(adjusted, issues);
  const file = resolve(source.file);
  const baseDir = dirname(file);
  const further = (options.checks ?? []).flatMap((check) => check(spec, { file, baseDir }));
  if (further.length > 0) failAt(adjusted, further);
  return { spec, file, baseDir, notices };
}

// A pipeline is loaded again by every eval file and matrix entry that uses it: say each thing once.
const printed = new Set<string>();

function printOnce(notice: ConfigIssue, file: string): void {
  const line = `evalmatrix: ${formatIssue(file, notice)}`;
  if (printed.has(line)) return;
  printed.add(line);
  console.warn(line);
}

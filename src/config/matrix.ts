// Model matrix × template → one validated pipeline per entry. The matrix file and the template
// must be sound (else one ConfigError, as for a pipeline); an entry that is not, or whose
// filled template does not validate, is skipped with its reason and the others go on.
import type { Document } from 'yaml';
import { displayPath } from './display-path.js';
import { ConfigError, formatIssue } from './errors.js';
import { interpolateDocument, type Env } from './interpolate.js';
import { validatePipeline, type LoadedPipeline, type LoadOptions } from './load.js';
import { formatYamlPath, locate, type PathIssue, type Source } from './locate.js';
import { matrixEntrySchema, matrixFileSchema, type MatrixEntry } from './matrix-schema.js';
import { checkTemplate, fillTemplate, type FilledValue } from './matrix-template.js';
import { failAt, readSource } from './source.js';
import { folderKey } from './folder-name.js';
import { describeZodIssue } from './zod-issues.js';

export interface RenderedEntry {
  /** Position in the matrix's models list. */
  index: number;
  entry: MatrixEntry;
  /** The validated pipeline; its file is the template (dataset paths are relative to it). */
  pipeline: LoadedPipeline;
  /** The filled template before interpolation: what `matrix render` writes. */
  doc: Document;
}

export interface SkippedEntry {
  index: number;
  /** The entry's name, or `models[i]` when it has none. */
  name: string;
  reason: string;
}

export interface RenderedMatrix {
  matrixFile: string;
  templateFile: string;
  rendered: RenderedEntry[];
  skipped: SkippedEntry[];
}

export interface RenderOptions extends LoadOptions {
  env?: Env;
}

export function renderMatrix(matrixFile: string, templateFile: string, options: RenderOptions = {}): RenderedMatrix {
  const env = options.env ?? process.env;
  const matrix = readSource(matrixFile, 'model matrix file');
  const { pipeline, models } = readMatrix(matrix, env);
  const template = readSource(templateFile, 'matrix template');
  const templateIssues = checkTemplate(template.doc);
  if (templateIssues.length > 0) failAt(template, templateIssues);
  const maxSamples = maxSamplesOverride(env, matrix.file);

  const result: RenderedMatrix = { matrixFile: matrix.file, templateFile: template.file, rendered: [], skipped: [] };
  const seen = new Map<string, number>();
  models.forEach((raw, index) => {
    const name = nameOf(raw, index);
    const skip = (reason: string): void => void result.skipped.push({ index, name, reason });
    const parsed = matrixEntrySchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      const issues = parsed.error.issues.flatMap((issue) => describeZodIssue(issue, matrixEntrySchema, raw));
      return skip(describe(matrix, issues.map((issue) => ({ ...issue, path: ['models', index, ...issue.path] }))));
    }
    const entry = parsed.data;
    // Names are output folders: names that differ only in case or dots would share one.
    const earlier = seen.get(folderKey(entry.name));
    if (earlier !== undefined) {
      return skip(describe(matrix, [{ path: ['models', index, 'name'], message: `duplicate name "${entry.name}": models[${earlier}] already uses it (or a name that shares its output folder)`, hint: 'Names must be unique; rename one' }]));
    }
    seen.set(folderKey(entry.name), index);

    const filled = fillTemplate(template.doc, { pipeline, ...entry, ...(maxSamples === undefined ? {} : { max_samples: maxSamples }) });
    if (filled.problems.length > 0) return skip(describe(template, filled.problems));
    try {
      const pipeline = validatePipeline({ ...template, doc: filled.doc }, { ...options, env });
      result.rendered.push({ index, entry, pipeline, doc: filled.doc });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const reason = attribute(error, filled.filled, matrix, index);
      // A problem no entry value caused is the template's own: every entry would hit it.
      if (reason === undefined) throw error;
      skip(reason);
    }
  });
  return result;
}

/** The matrix after ${VAR} interpolation, entries still unchecked; anything else wrong with the file is fatal. */
function readMatrix(matrix: Source, env: Env): { pipeline?: string | undefined; models: unknown[] } {
  const data: unknown = interpolateDocument(matrix, env).toJS();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    failAt(matrix, [{ path: [], message: 'a model matrix is a mapping with a models list', hint: 'Write models: followed by one entry per model ({name, provider, model_name, api_base, api_key_env, max_new_tokens, timeout}), and optionally pipeline: <name>' }]);
  }
  const parsed = matrixFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) failAt(matrix, parsed.error.issues.flatMap((issue) => describeZodIssue(issue, matrixFileSchema, data)));
  return parsed.data;
}

/** MAX_SAMPLES, when set, replaces every entry's max_samples (so its errors name the matrix). */
function maxSamplesOverride(env: Env, matrixFile: string): number | undefined {
  const raw = env.MAX_SAMPLES?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(matrixFile, [
      { message: `MAX_SAMPLES="${env.MAX_SAMPLES}" in the environment is not a positive whole number`, hint: 'Set it to the samples per entry (e.g. MAX_SAMPLES=5), or unset it to use each entry\'s max_samples' },
    ]);
  }
  return value;
}

/** Each issue of a filled template that sits on (or under) a filled value, told as the entry's field. */
function attribute(error: ConfigError, filled: FilledValue[], matrix: Source, index: number): string | undefined {
  const lines: string[] = [];
  for (const issue of error.issues) {
    const origin = filled.find((f) => issue.yamlPath !== undefined && startsWithPath(issue.yamlPath, formatYamlPath(f.path)));
    if (origin === undefined) return undefined;
    const field = locate(matrix, { path: ['models', index, origin.field], message: '' });
    const at = field.line === undefined ? '' : `:${field.line}:${field.column}`;
    lines.push(`${formatIssue(error.file, issue)} (the value comes from ${formatYamlPath(['models', index, origin.field])} at ${displayPath(matrix.file)}${at})`);
  }
  return lines.join('\n');
}

function startsWithPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

function describe(source: Source, issues: PathIssue[]): string {
  return issues.map((issue) => formatIssue(source.file, locate(source, issue))).join('\n');
}

function nameOf(raw: unknown, index: number): string {
  const name = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).name : undefined;
  return typeof name === 'string' && name !== '' ? name : `models[${index}]`;
}

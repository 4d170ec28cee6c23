// A matrix template is a pipeline whose values may hold `${{ matrix.<field> }}` placeholders.
// Filling is structural: the template is parsed once and each placeholder's scalar gets the
// entry's value as data, so a value with quotes, colons or newlines is just a string and can
// never change the YAML around it. Rules:
// - a scalar that is exactly one placeholder takes the value with its type (numbers stay
//   numbers); when an optional field (max_samples, concurrency) has no value, the key is left
//   out, so the pipeline's default applies;
// - placeholders inside longer text are replaced by the value's text;
// - an inserted `${` is escaped to `$${`, so a value is never read as an environment variable.
import type { Document } from 'yaml';
import type { DataPath, PathIssue } from './locate.js';
import { MATRIX_FIELDS, OPTIONAL_MATRIX_FIELDS } from './matrix-schema.js';
import { didYouMean } from './suggest.js';
import { forEachScalar } from './yaml-walk.js';

const PLACEHOLDER = /\$\{\{\s*matrix\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const WHOLE = /^\s*\$\{\{\s*matrix\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}\s*$/;

/** Where a filled value came from, for pointing an error in the result back at the matrix. */
export interface FilledValue {
  path: DataPath;
  field: string;
}

export interface FilledTemplate {
  doc: Document;
  filled: FilledValue[];
  /** Placeholders the entry could not fill (a missing value inside text, or in a list). */
  problems: PathIssue[];
}

/** Placeholders naming no entry field, or written so they would be taken literally. */
export function checkTemplate(template: Document): PathIssue[] {
  const issues: PathIssue[] = [];
  forEachScalar(template.contents, [], (scalar, path) => {
    if (typeof scalar.value !== 'string') return;
    for (const [, field] of scalar.value.matchAll(PLACEHOLDER)) {
      if (MATRIX_FIELDS.includes(field!)) continue;
      issues.push({
        path,
        message: `unknown matrix field "${field}" (known: ${MATRIX_FIELDS.join(', ')})`,
        hint: `${didYouMean(field!, MATRIX_FIELDS)}Fix the placeholder`,
      });
    }
    if (scalar.value.replace(PLACEHOLDER, '').includes('${{')) {
      issues.push({ path, message: 'malformed matrix placeholder', hint: 'Write ${{ matrix.<field> }}' });
    }
  });
  return issues;
}

export function fillTemplate(template: Document, values: Readonly<Record<string, unknown>>): FilledTemplate {
  const doc = template.clone();
  const result: FilledTemplate = { doc, filled: [], problems: [] };
  const absent: DataPath[] = [];
  forEachScalar(doc.contents, [], (scalar, path) => {
    if (typeof scalar.value !== 'string' || !scalar.value.includes('${{')) return;
    const whole = WHOLE.exec(scalar.value);
    if (whole) {
      const field = whole[1]!;
      const value = values[field];
      if (value === undefined) {
        const inList = typeof path[path.length - 1] === 'number';
        if (!inList && OPTIONAL_MATRIX_FIELDS.includes(field)) absent.push(path);
        else result.problems.push(missing(path, field, inList ? 'a list item' : 'this value'));
        return;
      }
      result.filled.push({ path, field });
      const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
      scalar.value = typeof value === 'string' ? escapeEnv(value) : quoted ? String(value) : value;
      return;
    }
    scalar.value = scalar.value.replace(PLACEHOLDER, (text, field: string) => {
      const value = values[field];
      if (value === undefined) {
        result.problems.push(missing(path, field, 'text'));
        return text;
      }
      result.filled.push({ path, field });
      return escapeEnv(String(value));
    });
  });
  // Removed after the walk, so the walk never sees a list or mapping change under it.
  for (const path of absent) doc.deleteIn(path);
  return result;
}

function missing(path: DataPath, field: string, where: string): PathIssue {
  if (field === 'pipeline') {
    return { path, message: `the matrix has no pipeline, which the template uses in ${where}`, hint: 'Add pipeline: <name> at the top of the matrix file' };
  }
  return { path, message: `this entry has no ${field}, which the template uses in ${where}`, hint: `Give the entry a ${field}` };
}

function escapeEnv(text: string): string {
  // A function, not a replacement string: in one, "$$" would mean a single "$".
  return text.replaceAll('${', () => '$${');
}

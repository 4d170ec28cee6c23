// `${VAR}` and `${VAR:-default}` in a pipeline file, resolved on the parsed YAML document
// (before validation) so every problem can name its line and YAML path.
//
// Rules:
// - `${VAR}` is VAR's value; an empty value counts as set.
// - `${VAR:-default}` is the default when VAR is unset or empty (as in the shell). The default
//   runs to the first `}` and is taken literally (no nested placeholders).
// - `$${` is a literal `${` (for text that must keep one, e.g. a shell snippet in a prompt).
// - An unquoted scalar that is exactly one placeholder takes the type its value reads as:
//   `max_samples: ${N:-20}` is the number 20, `${FLAG:-true}` the boolean true. Quoted
//   (`"${N}"`) or tagged (`!!str ${N}`) scalars, and placeholders inside longer text, stay strings,
//   as the same text written literally would in YAML.
// - Only values are interpolated, never mapping keys.
import type { Document } from 'yaml';
import { ConfigError } from './errors.js';
import { locate, type PathIssue, type Source } from './locate.js';
import { forEachScalar } from './yaml-walk.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface Substitution {
  text: string;
  /** The input was exactly one placeholder, so its value may take a non-string type. */
  whole: boolean;
  problems: Array<Omit<PathIssue, 'path'>>;
}

const TOKEN = /\$\$\{|\$\{([^}]*)(\}?)/g;
const BODY = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;
const FORMS = 'Write ${NAME} or ${NAME:-default} (NAME of letters, digits and "_"), or $${ for a literal "${"';

/** Replace the placeholders in one string. */
export function substitute(input: string, env: Env): Substitution {
  const problems: Substitution['problems'] = [];
  const text = input.replace(TOKEN, (token: string, body: string | undefined, close: string | undefined) => {
    if (token === '$${') return '${';
    const parts = close ? BODY.exec(body ?? '') : null;
    if (!parts) {
      problems.push({ message: `malformed placeholder "${token}"`, hint: FORMS });
      return token;
    }
    const [, name = '', fallback] = parts;
    const value = env[name];
    if (fallback !== undefined) return value === undefined || value === '' ? fallback : value;
    if (value !== undefined) return value;
    problems.push({
      message: `environment variable ${name} is not set`,
      hint: `export ${name}=... before running, or give it a default: \${${name}:-default}`,
    });
    return token;
  });
  return { text, whole: /^\$\{[^}]*\}$/.test(input), problems };
}

/** `20` → 20, `true` → true, anything else stays text. */
export function coerceScalar(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  return text;
}

/** A copy of the document with every placeholder resolved; throws one ConfigError listing
 *  every unset variable and malformed placeholder. */
export function interpolateDocument(source: Source, env: Env): Document {
  const doc = source.doc.clone();
  const issues: PathIssue[] = [];
  forEachScalar(doc.contents, [], (scalar, path) => {
    if (typeof scalar.value !== 'string' || !scalar.value.includes('${')) return;
    const result = substitute(scalar.value, env);
    issues.push(...result.problems.map((problem) => ({ ...problem, path })));
    const typed = result.whole && scalar.type === 'PLAIN' && !scalar.tag;
    scalar.value = typed ? coerceScalar(result.text) : result.text;
  });
  if (issues.length > 0) throw new ConfigError(source.file, issues.map((issue) => locate(source, issue)));
  return doc;
}

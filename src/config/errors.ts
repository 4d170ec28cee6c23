// One error type for everything wrong with a pipeline file. Each problem says what was wrong,
// where (file:line:col and YAML path) and what to do; all problems found in one pass travel
// together so a user fixes them in one edit instead of one rerun per mistake.
import { displayPath } from './display-path.js';

export interface ConfigIssue {
  /** What was wrong. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** Like `backends[0].config.provider`. */
  yamlPath?: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly file: string;
  readonly issues: readonly ConfigIssue[];
  /** Where the first problem is; the rest are in `issues`. */
  readonly line?: number;
  readonly column?: number;
  readonly yamlPath?: string;

  constructor(file: string, issues: readonly ConfigIssue[]) {
    super(issues.map((issue) => formatIssue(file, issue)).join('\n'));
    this.file = file;
    this.issues = issues;
    const [first] = issues;
    this.line = first?.line;
    this.column = first?.column;
    this.yamlPath = first?.yamlPath;
    // The message says what and where in the user's file; frames inside evalmatrix's loader
    // would only bury it (Vitest prints the stack of an error thrown while collecting).
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** `evals/piqa.yaml:23:7 backends[0].config.provider: unknown provider "x"; …. Fix the value.` */
export function formatIssue(file: string, issue: ConfigIssue): string {
  let where = displayPath(file);
  if (issue.line !== undefined) where += `:${issue.line}`;
  if (issue.line !== undefined && issue.column !== undefined) where += `:${issue.column}`;
  if (issue.yamlPath) where += ` ${issue.yamlPath}`;
  const hint = issue.hint ? `. ${issue.hint}` : '';
  return `${where}: ${issue.message}${hint}`;
}


// A YAML syntax error as one ConfigIssue: where the first error is, and a hint for the slips
// people make. Later errors are left out: the parser, once lost, reports every token after the
// first slip, and those fifty lines would hide the one that matters.
import type { LineCounter, YAMLError } from 'yaml';
import type { ConfigIssue } from './errors.js';

/** The parser's messages can quote input (a binary file's worth); keep them readable. */
const MAX_MESSAGE = 200;

export function syntaxIssue(error: YAMLError, text: string, lineCounter: LineCounter, total: number): ConfigIssue {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const lineText = text.split('\n')[line - 1] ?? '';
  const more = total > 1 ? ` (${total - 1} more error${total > 2 ? 's' : ''} after it, most likely caused by this one)` : '';
  const message = error.message.length > MAX_MESSAGE ? `${error.message.slice(0, MAX_MESSAGE)}…` : error.message;
  return { message: `YAML syntax error: ${message}${more}`, hint: hintFor(error, lineText, col), line, column: col };
}

function hintFor(error: YAMLError, lineText: string, column: number): string {
  if (error.code === 'DUPLICATE_KEY') return 'Remove or merge the repeated key';
  if (placeholderInFlow(lineText, column)) {
    return (
      'A ${...} placeholder inside a flow mapping {...} or sequence [...] breaks it (its braces are read as YAML). ' +
      'Write that mapping in block style (one key per line), where an unquoted ${VAR:-32} still becomes a number, ' +
      'or quote it ("${VAR}") where a string is wanted'
    );
  }
  if (error.code === 'TAB_AS_INDENT') return 'Indent with spaces, not tabs';
  return 'Fix the YAML at this position';
}

/** The line opens a flow collection before a `${` that starts at or before the error. */
function placeholderInFlow(lineText: string, column: number): boolean {
  const placeholder = lineText.indexOf('${');
  if (placeholder < 0 || placeholder >= column) return false;
  const before = lineText.slice(0, placeholder);
  return before.includes('{') || before.includes('[');
}

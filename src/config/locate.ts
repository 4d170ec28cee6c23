// From a path into the parsed data (what zod and our checks report) back to the YAML text:
// the line, column and printable path a ConfigIssue carries.
import { isMap, isNode, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigIssue } from './errors.js';

export type DataPath = readonly PropertyKey[];

/** A parsed file and what is needed to point into its text. */
export interface Source {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

/** What a check reports: a problem at a data path, before it is placed in the text. */
export interface PathIssue {
  path: DataPath;
  message: string;
  hint?: string;
  /** Point at the mapping key rather than its value (unknown keys, threshold names). */
  at?: 'key' | 'value';
}

/** `backends[0].config.provider`; keys that are not plain words are quoted: `thresholds["a b"]`. */
export function formatYamlPath(path: DataPath): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      const key = String(part);
      if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return index === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join('');
}

/** Place an issue in the text: the node at its path, or the nearest parent that exists
 *  (a missing field is reported where it should have been written). */
export function locate(source: Source, issue: PathIssue): ConfigIssue {
  const node = issue.at === 'key' ? keyNode(source.doc, issue.path) : nearestNode(source.doc, issue.path);
  const located: ConfigIssue = { message: issue.message, yamlPath: formatYamlPath(issue.path) };
  if (issue.hint) located.hint = issue.hint;
  if (node?.range) {
    const { line, col } = source.lineCounter.linePos(node.range[0]);
    located.line = line;
    located.column = col;
  }
  return located;
}

function nearestNode(doc: Document, path: DataPath): Node | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
    if (isNode(node)) return node;
  }
  return undefined;
}

function keyNode(doc: Document, path: DataPath): Node | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const key = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last))?.key;
    if (isNode(key)) return key;
  }
  return nearestNode(doc, path);
}

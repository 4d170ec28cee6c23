// The end of a run, index side: every pipeline folder the run wrote to gets its
// summary.index.json rebuilt (the one collector), each line said through `log`; an index that
// cannot be written goes to `fail`, which fails the run without stopping the other indexes.
import path from 'node:path';
import { displayPath } from '../config/display-path.js';
import { counted } from '../config/plural.js';
import { INDEX_FILE, writeIndex } from './collect-index.js';
import { OutputWriteError } from './write-error.js';

export function writeIndexes(roots: readonly string[], projectRoot: string, log: (line: string) => void, fail: (message: string) => void): void {
  for (const root of roots) {
    const file = path.join(root, INDEX_FILE);
    try {
      const { problems, index } = writeIndex(root, { label: displayPath(root, projectRoot) });
      for (const p of problems) log(`evalmatrix: ${p}`);
      log(`evalmatrix: ${displayPath(file, projectRoot)} (${counted(index.count, 'item')})`);
    } catch (error) {
      fail(new OutputWriteError(file, error).message);
    }
  }
}

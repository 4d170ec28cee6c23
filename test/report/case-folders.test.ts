// The report's walk over a pipeline root finds every case folder the index lists, a backend
// whose id starts with a dot included.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCaseFolders, pipelineFolders } from '../../src/report/read/case-folders.js';

describe('listCaseFolders', () => {
  it('finds a case of a backend whose folder starts with a dot, beside the others', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'em-case-folders-'));
    const root = path.join(out, 'p');
    for (const model of ['.hidden', 'visible']) {
      const dir = path.join(root, model, 't', '20261129-120000-abcdef');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'events.jsonl'), '');
    }
    expect(listCaseFolders(root).map((f) => f.rel)).toEqual(['.hidden/t/20261129-120000-abcdef', 'visible/t/20261129-120000-abcdef']);
    expect(pipelineFolders(out)).toEqual([root]);
  });
});

// loadDataset over every loader: one path for all, the row named in each error, and the
// failures that stop a dataset as a whole (a folder, no rows, a wrong mapping), said once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetSpec } from '../../src/config/schema.js';
import { DatasetError } from '../../src/datasets/dataset-error.js';
import { loadDataset, type LoadOptions } from '../../src/datasets/load.js';
import type { DatasetItem } from '../../src/datasets/sample.js';
import { tmpFile } from './tmp-file.js';

type Spec = DatasetSpec & { resolvedPath?: string };

async function collect(spec: Spec, options: LoadOptions = {}): Promise<DatasetItem[]> {
  const out: DatasetItem[] = [];
  for await (const item of loadDataset(spec, options)) out.push(item);
  return out;
}

const file = (loader: 'jsonl' | 'json' | 'csv' | 'tsv', path: string, preprocess: Spec['params']['preprocess'] = 'none'): Spec =>
  ({ dataset_id: 'd', loader, path, resolvedPath: path, params: { preprocess } }) as Spec;

const qaMapping = { type: 'qa', question: 'question', answer: 'answer' } as const;
const ids = (items: DatasetItem[]) => items.map((i) => (i.ok ? i.sample.sample_id : `error:${i.error.sample_id}`));

describe('loadDataset over every loader', () => {
  it('csv: the id column as sample_id, a bad row as that row\'s error at file:line', async () => {
    const path = tmpFile('q.csv', 'id,question,answer\nq1,one?,1\nq2,two?\nq3,three?,3\n');
    const items = await collect(file('csv', path, qaMapping));
    expect(ids(items)).toEqual(['q1', 'error:row-0002', 'q3']);
    expect(items[1]).toMatchObject({ ok: false, error: { file: path, line: 3, message: expect.stringMatching(new RegExp(`^${escape(path)}:3: this row has 2 fields`)) } });
  });

  it('json and tsv through the same path; positional ids when there is no id column', async () => {
    const json = await collect(file('json', tmpFile('q.json', '{"rows": [{"question": "a?", "answer": "x"}, {"question": "b?", "answer": "y"}]}'), qaMapping));
    expect(json.map((i) => i.ok && [i.sample.sample_id, i.sample.reference])).toEqual([
      ['row-0001', 'x'],
      ['row-0002', 'y'],
    ]);
    const tsv = await collect(file('tsv', tmpFile('q.tsv', 'question\tanswer\nc?\tz\n'), qaMapping));
    expect(tsv).toMatchObject([{ ok: true, sample: { question: 'c?', reference: 'z' } }]);
  });

  it('inline rows, named by row number in errors', async () => {
    const spec: Spec = { dataset_id: 'mine', loader: 'inline', rows: [{ question: 'a?', answer: 'x' }, { question: 'b?' }], params: { preprocess: qaMapping } };
    const items = await collect(spec);
    expect(items[0]).toMatchObject({ ok: true, sample: { sample_id: 'row-0001', reference: 'x' } });
    expect(items[1]).toMatchObject({ ok: false, error: { line: 2, message: 'dataset "mine" (inline rows) row 2: column "answer" (the answer) is missing; this row has: question' } });
  });

  it('rows from TypeScript: an array, a generator function, an async generator, a promise; they replace a file loader\'s rows', async () => {
    const code: Spec = { dataset_id: 'c', loader: 'code', params: { preprocess: qaMapping } };
    const row = (n: number) => ({ id: `c${n}`, question: `q${n}`, answer: `a${n}` });
    expect(ids(await collect(code, { rows: [row(1), row(2)] }))).toEqual(['c1', 'c2']);
    expect(ids(await collect(code, { rows: function* () { yield row(3); } }))).toEqual(['c3']);
    expect(ids(await collect(code, { rows: async function* () { yield row(4); } }))).toEqual(['c4']);
    expect(ids(await collect(code, { rows: async () => [row(5)] }))).toEqual(['c5']);
    const replaced = file('jsonl', '/nowhere/never-read.jsonl', qaMapping);
    expect(ids(await collect(replaced, { rows: [row(6)] }))).toEqual(['c6']);
    const notObject = await collect(code, { rows: [row(7), 'text' as never] });
    expect(notObject[1]).toMatchObject({ ok: false, error: { message: 'dataset "c" (rows from defineEvalSuite) row 2: row is string, not an object of columns' } });
  });

  it('max_samples stops every loader after N rows', async () => {
    const path = tmpFile('many.csv', `question,answer\n${Array.from({ length: 50 }, (_, i) => `q${i},a${i}`).join('\n')}\n`);
    expect(await collect(file('csv', path, qaMapping), { maxSamples: 3 })).toHaveLength(3);
    expect(await collect({ dataset_id: 'c', loader: 'code', params: { preprocess: 'none' } }, { maxSamples: 2, rows: [{}, {}, {}] })).toHaveLength(2);
  });
});

describe('datasets that fail as a whole', () => {
  it('a folder: "dataset … is a folder" with the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalmatrix-'));
    for (const loader of ['jsonl', 'json', 'csv', 'tsv'] as const) {
      await expect(collect(file(loader, dir))).rejects.toThrow(new RegExp(`^dataset "d": ${escape(dir)} is a folder, not a \\w+ file`));
    }
  });

  it('no rows: "dataset … is empty" with the path, for a blank file, a header alone, an empty array or no rows from code', async () => {
    const cases: Spec[] = [file('jsonl', tmpFile('e.jsonl', '\n\n')), file('csv', tmpFile('e.csv', 'question,answer\n')), file('json', tmpFile('e.json', '[]')), file('csv', tmpFile('z.csv', ''))];
    for (const spec of cases) await expect(collect(spec)).rejects.toThrow(`dataset "d" is empty (${spec.resolvedPath}): it has no rows`);
    await expect(collect({ dataset_id: 'c', loader: 'code', params: { preprocess: 'none' } }, { rows: [] })).rejects.toThrow('dataset "c" is empty (rows from defineEvalSuite): it has no rows');
  });

  it('a mapped column missing from the first row: one error naming it and the columns there are, not one per row', async () => {
    const path = tmpFile('m.csv', 'prompt,answer\na?,x\nb?,y\n');
    const seen: DatasetItem[] = [];
    const failure = await (async () => {
      try {
        for await (const item of loadDataset(file('csv', path, qaMapping))) seen.push(item);
      } catch (error) {
        return error;
      }
    })();
    expect(seen).toEqual([]);
    expect(failure).toBeInstanceOf(DatasetError);
    expect((failure as Error).message).toBe(
      `dataset "d": ${path}:2: column "question" (the question) is missing; this row has: prompt, answer. The mapping in params.preprocess names a column this dataset does not have: fix the mapping or the file`,
    );
  });

  it('the same column missing from a later row only is that row\'s error', async () => {
    const path = tmpFile('later.jsonl', '{"question": "a?", "answer": "x"}\n{"prompt": "b?", "answer": "y"}\n');
    const items = await collect(file('jsonl', path, qaMapping));
    expect(items.map((i) => i.ok)).toEqual([true, false]);
  });

  it('a code dataset without rows says how to give them', async () => {
    await expect(collect({ dataset_id: 'mine', loader: 'code', params: { preprocess: 'none' } })).rejects.toThrow(
      'dataset "mine": it has loader: code, but no rows were given for it. Pass them in the eval file: defineEvalSuite(config, {datasets: {mine: rows}})',
    );
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

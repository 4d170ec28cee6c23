import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl, type JsonlEntry } from '../../src/datasets/loaders/jsonl.js';
import { tmpFile } from './tmp-file.js';

async function collect(file: string): Promise<JsonlEntry[]> {
  const out: JsonlEntry[] = [];
  for await (const entry of readJsonl(file)) out.push(entry);
  return out;
}

describe('readJsonl', () => {
  it('yields rows with 1-based line numbers, skipping blank lines', async () => {
    const file = tmpFile('a.jsonl', '{"a":1}\n\n   \n{"b":2}\r\n{"c":3}');
    expect(await collect(file)).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 4, value: { b: 2 } },
      { line: 5, value: { c: 3 } },
    ]);
  });

  it('reports a malformed row in the middle with its line and keeps going', async () => {
    const file = tmpFile('bad.jsonl', '{"a":1}\n{"a":2,\n{"a":3}\n');
    const entries = await collect(file);
    expect(entries).toHaveLength(3);
    expect(entries[1]).toMatchObject({ line: 2 });
    expect(entries[1]).not.toHaveProperty('value');
    expect(entries[1]?.error).toMatch(/^invalid JSON: /);
    expect(entries[2]).toEqual({ line: 3, value: { a: 3 } });
  });

  it('rejects rows that are JSON but not objects', async () => {
    const file = tmpFile('kinds.jsonl', '[1,2]\n42\nnull\n"s"\n');
    expect((await collect(file)).map((e) => e.error)).toEqual([
      'expected a JSON object per line, got an array',
      'expected a JSON object per line, got number',
      'expected a JSON object per line, got null',
      'expected a JSON object per line, got string',
    ]);
  });

  it('ignores a UTF-8 byte order mark on the first line', async () => {
    const file = tmpFile('bom.jsonl', '\uFEFF{"a":1}\n');
    expect(await collect(file)).toEqual([{ line: 1, value: { a: 1 } }]);
  });

  it('names the absolute path when the file is missing', async () => {
    const missing = join('does-not-exist', 'data.jsonl');
    await expect(collect(missing)).rejects.toThrow(
      `JSONL file not found: ${resolve(missing)}. Check the dataset's "path"`,
    );
  });
});

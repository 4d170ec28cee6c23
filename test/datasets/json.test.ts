// loader: json — rows cut out of a streamed document, one parse each.
import { describe, expect, it } from 'vitest';
import { JsonRowScanner } from '../../src/datasets/loaders/json-scan.js';
import { readJsonRows } from '../../src/datasets/loaders/json.js';
import type { RowEntry } from '../../src/datasets/row-entry.js';
import { tmpFile } from './tmp-file.js';

async function collect(rows: AsyncIterable<RowEntry>): Promise<RowEntry[]> {
  const out: RowEntry[] = [];
  for await (const entry of rows) out.push(entry);
  return out;
}

/** The scanner fed in pieces of `size` characters: rows must not depend on where chunks end. */
function scan(text: string, size: number, key = 'rows') {
  const scanner = new JsonRowScanner(key);
  const rows = [];
  for (let i = 0; i < text.length; i += size) rows.push(...scanner.push(text.slice(i, i + size)));
  scanner.end();
  return rows;
}

describe('readJsonRows', () => {
  it('reads an array of rows with the line each starts on', async () => {
    const file = tmpFile('a.json', '[\n  {"q": "one"},\n  {"q": "two",\n   "n": [1, {"x": "]}"}]},\n  {"q": "three"}\n]\n');
    expect(await collect(readJsonRows(file))).toEqual([
      { line: 2, value: { q: 'one' } },
      { line: 3, value: { q: 'two', n: [1, { x: ']}' }] } },
      { line: 5, value: { q: 'three' } },
    ]);
  });

  it('reads the rows under `rows` by default, or under the key it is given, skipping other keys', async () => {
    const doc = '{"version": "1", "meta": {"rows": "not these"}, "rows": [{"a": 1}], "data": [{"b": 2}, {"b": 3}]}';
    const file = tmpFile('keyed.json', doc);
    expect(await collect(readJsonRows(file))).toEqual([{ line: 1, value: { a: 1 } }]);
    expect(await collect(readJsonRows(file, 'data'))).toEqual([
      { line: 1, value: { b: 2 } },
      { line: 1, value: { b: 3 } },
    ]);
  });

  it('makes a malformed row or a row that is not an object that row\'s error, and goes on', async () => {
    const file = tmpFile('bad.json', '[{"a": 1},\n {"a": 2,},\n 42,\n {"a": 4}]');
    const entries = await collect(readJsonRows(file));
    expect(entries.map((e) => e.line)).toEqual([1, 2, 3, 4]);
    expect(entries[1]!.error).toMatch(/^invalid JSON: /);
    expect(entries[2]!.error).toBe('expected each row to be a JSON object, got number');
    expect(entries[3]).toEqual({ line: 4, value: { a: 4 } });
  });

  it('ignores a byte order mark', async () => {
    expect(await collect(readJsonRows(tmpFile('bom.json', '\uFEFF[{"a": 1}]')))).toEqual([{ line: 1, value: { a: 1 } }]);
  });

  it('ends with an error naming the file and line when the structure breaks, after the rows before it', async () => {
    const cut = tmpFile('cut.json', '[{"a": 1},\n{"a": 2},\n{"a": ');
    const rows: RowEntry[] = [];
    await expect(async () => {
      for await (const entry of readJsonRows(cut)) rows.push(entry);
    }).rejects.toThrow(`${cut}: line 3: the file ends inside the object opened on line 3`);
    expect(rows).toHaveLength(2);
    await expect(collect(readJsonRows(tmpFile('lines.json', '{"a": 1}\n{"a": 2}\n')))).rejects.toThrow(/line 2: more JSON follows the end of the top-level object\. A file of one JSON object per line needs loader: jsonl/);
    await expect(collect(readJsonRows(tmpFile('wrong.json', '[{"a": [1}]')))).rejects.toThrow(/line 1: "\}" closes the array opened on line 1/);
  });

  it('refuses a file that is not UTF-8 at its first bad byte, after the rows before it, and reads a character split across chunks', async () => {
    const latin1 = Buffer.concat([Buffer.from('[{"a": 1},\n{"a": "caf'), Buffer.from([0xe9]), Buffer.from('"}]')]);
    const rows: RowEntry[] = [];
    const reading = (async () => {
      for await (const entry of readJsonRows(tmpFile('latin1.json', latin1))) rows.push(entry);
    })();
    await expect(reading).rejects.toThrow(/latin1\.json is not valid UTF-8 \(at byte offset 21\)/);
    const long = `[{"a": "${'x'.repeat(70_000)}é"}]`;
    expect(await collect(readJsonRows(tmpFile('long.json', long)))).toEqual([{ line: 1, value: { a: `${'x'.repeat(70_000)}é` } }]);
  });

  it('says which keys there are when the rows key is missing, and what the key holds when it is not a list', async () => {
    await expect(collect(readJsonRows(tmpFile('k.json', '{"data": [], "info": {}}')))).rejects.toThrow(
      'the top-level object has no key "rows" (its keys: data, info). Name the key that holds the rows with `key:` in the dataset',
    );
    await expect(collect(readJsonRows(tmpFile('n.json', '{"rows": 3}')))).rejects.toThrow('the key "rows" holds a number, not an array of rows');
    await expect(collect(readJsonRows(tmpFile('s.json', '"text"')))).rejects.toThrow('does not start with an array of rows or an object holding one (it starts with a string)');
  });

  it('finds the same rows wherever the chunks of text end', () => {
    const doc = '{"x\\"y": [1, "]"], "rows": [\n{"q": "a\\\\", "r": "\\"}"},\n["nested", {"k": [1]}], null,\n"s"\n]}';
    const whole = scan(doc, doc.length);
    expect(whole).toEqual([
      { line: 2, text: '{"q": "a\\\\", "r": "\\"}"}' },
      { line: 3, text: '["nested", {"k": [1]}]' },
      { line: 3, text: 'null' },
      { line: 4, text: '"s"' },
    ]);
    for (const size of [1, 2, 3, 5, 8, 13]) expect(scan(doc, size)).toEqual(whole);
  });
});

// loader: csv / tsv — csv-parse's streaming parser, rows named by the line they start on, and
// every kind of bad row costing only itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV, readDelimitedRows, TSV } from '../../src/datasets/loaders/csv.js';
import type { RowEntry } from '../../src/datasets/row-entry.js';
import { tmpFile } from './tmp-file.js';

async function collect(rows: AsyncIterable<RowEntry>): Promise<RowEntry[]> {
  const out: RowEntry[] = [];
  for await (const entry of rows) out.push(entry);
  return out;
}

const csvFile = (text: string | Buffer): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'evalmatrix-')), 'data.csv');
  writeFileSync(file, text);
  return file;
};

describe('readDelimitedRows (CSV)', () => {
  it('reads a header row and quoted fields: delimiters, doubled quotes and line breaks inside quotes', async () => {
    const file = csvFile('id,question,answer\nq1,"Paris, or Lyon?",Paris\nq2,"Say ""hi""",hi\nq3,"two\nlines",x\nq4,plain,y\n');
    expect(await collect(readDelimitedRows(file, CSV))).toEqual([
      { line: 2, value: { id: 'q1', question: 'Paris, or Lyon?', answer: 'Paris' } },
      { line: 3, value: { id: 'q2', question: 'Say "hi"', answer: 'hi' } },
      { line: 4, value: { id: 'q3', question: 'two\nlines', answer: 'x' } },
      { line: 6, value: { id: 'q4', question: 'plain', answer: 'y' } },
    ]);
  });

  it('handles a BOM, CRLF line ends (also inside quotes) and blank lines, with exact line numbers', async () => {
    // csv-parse's own line count takes "\r\n" inside quotes for two lines; ours does not.
    const file = csvFile('\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2,z\r\n"3",w');
    expect(await collect(readDelimitedRows(file, CSV))).toEqual([
      { line: 2, value: { a: '1', b: 'x\r\ny' } },
      { line: 5, value: { a: '2', b: 'z' } },
      { line: 6, value: { a: '3', b: 'w' } },
    ]);
  });

  it('makes a ragged row that row\'s error, naming both counts, and goes on', async () => {
    const entries = await collect(readDelimitedRows(csvFile('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n'), CSV));
    expect(entries.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(entries[1]!.error).toBe('this row has 2 fields, the header has 3 (a, b, c). Quote a field that holds the delimiter');
    expect(entries[2]!.error).toMatch(/^this row has 4 fields, the header has 3/);
    expect(entries[3]).toEqual({ line: 5, value: { a: '10', b: '11', c: '12' } });
  });

  it('makes bad quoting that row\'s error and reads every row after it (csv-parse alone would lose them)', async () => {
    const file = csvFile(['q,a', 'one,1', '"closed"trailing,2', 'three,3', 'in"side,4', 'five,5', '"multi', 'line"x,6', 'seven,7', ''].join('\n'));
    const entries = await collect(readDelimitedRows(file, CSV));
    const good = entries.filter((e) => e.value).map((e) => [e.line, e.value!.q]);
    expect(good).toEqual([
      [2, 'one'],
      [4, 'three'],
      [6, 'five'],
      [9, 'seven'],
    ]);
    const bad = entries.filter((e) => e.error);
    expect(bad.map((e) => e.line)).toEqual([3, 5, 7, 8]);
    expect(bad[0]!.error).toMatch(/^bad quoting: text follows the closing quote of a field/);
    expect(bad[1]!.error).toMatch(/^bad quoting: a quote inside a field that does not start with one/);
  });

  it('reports a quote that never closes at the row it opens, then reads the lines after it again', async () => {
    const entries = await collect(readDelimitedRows(csvFile('q,a\none,1\n"never closed,2\nthree,3\nfour,4\n'), CSV));
    expect(entries).toEqual([
      { line: 2, value: { q: 'one', a: '1' } },
      { line: 3, error: 'bad quoting: a quote opened in this row is never closed; the lines after this one are read again as rows' },
      { line: 4, value: { q: 'three', a: '3' } },
      { line: 5, value: { q: 'four', a: '4' } },
    ]);
  });

  it('makes bytes that are not UTF-8 that row\'s error', async () => {
    const file = csvFile(Buffer.concat([Buffer.from('q,a\nfine,1\ncaf'), Buffer.from([0xe9]), Buffer.from(',2\nok,3\n')]));
    expect(await collect(readDelimitedRows(file, CSV))).toEqual([
      { line: 2, value: { q: 'fine', a: '1' } },
      { line: 3, error: 'column "q" is not valid UTF-8 text. Save the file as UTF-8' },
      { line: 4, value: { q: 'ok', a: '3' } },
    ]);
  });

  it('keeps bad rows apart from good ones across read chunks (64 KiB) in a larger file', async () => {
    const lines = ['n,text'];
    for (let i = 1; i <= 4000; i++) lines.push(i % 500 === 0 ? `${i},"bad"quote` : `${i},"row ${i}, with a comma and ""quotes"""`);
    const entries = await collect(readDelimitedRows(csvFile(lines.join('\r\n') + '\r\n'), CSV));
    expect(entries).toHaveLength(4000);
    entries.forEach((entry, i) => {
      const n = i + 1;
      expect(entry.line).toBe(n + 1);
      if (n % 500 === 0) expect(entry.error).toMatch(/^bad quoting/);
      else expect(entry.value).toEqual({ n: String(n), text: `row ${n}, with a comma and "quotes"` });
    });
  });

  it('names unnamed columns and refuses a header that names a column twice', async () => {
    expect(await collect(readDelimitedRows(csvFile(',q\n0,x\n'), CSV))).toEqual([{ line: 2, value: { column_1: '0', q: 'x' } }]);
    const twice = csvFile('q,a,q\n1,2,3\n');
    await expect(collect(readDelimitedRows(twice, CSV))).rejects.toThrow(`${twice}:1: the header names column "q" twice (columns 1 and 3)`);
  });

  it('reads TSV and another delimiter', async () => {
    expect(await collect(readDelimitedRows(tmpFile('d.tsv', 'q\ta\n"x\ty"\t1\n'), TSV))).toEqual([{ line: 2, value: { q: 'x\ty', a: '1' } }]);
    expect(await collect(readDelimitedRows(csvFile('q;a\n1,5;2\n'), { ...CSV, delimiter: ';' }))).toEqual([{ line: 2, value: { q: '1,5', a: '2' } }]);
  });

  it('yields nothing for a header alone, and stops reading when the consumer stops', async () => {
    expect(await collect(readDelimitedRows(csvFile('a,b\n'), CSV))).toEqual([]);
    const rows = readDelimitedRows(csvFile('a\n1\n2\n3\n'), CSV);
    const first = await rows.next();
    expect(first.value).toEqual({ line: 2, value: { a: '1' } });
    await rows.return(undefined);
    expect((await rows.next()).done).toBe(true);
  });
});

// A 100,000-row CSV goes through loadDataset (csv-parse, the column mapping) in memory that
// does not grow with the file: the heap is measured after a full collection every 5,000 rows,
// so only what is still held counts. Reading the file whole, for comparison, holds all of it.
import { createWriteStream, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { DatasetSpec } from '../../src/config/schema.js';
import { loadDataset } from '../../src/datasets/load.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ROWS = 100_000;

async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('id,question,a,b,c,d,answer\n');
  const padding = 'x'.repeat(200);
  for (let i = 1; i <= ROWS; i++) {
    const line = `r${i},"Question ${i}, padded: ${padding}",one,two,three,four,${'ABCD'[i % 4]}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function heldBytes(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

describe('a 100k-row CSV', () => {
  it('streams through loadDataset in memory far below the file size', { timeout: 120_000 }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'evalmatrix-')), 'big.csv');
    await writeCsv(file);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(20 * 1024 * 1024);

    const spec: DatasetSpec & { resolvedPath: string } = {
      dataset_id: 'big',
      loader: 'csv',
      path: file,
      resolvedPath: file,
      params: { preprocess: { type: 'multiple_choice', question: 'question', choices: ['a', 'b', 'c', 'd'], label: 'answer' } },
    };
    const base = heldBytes();
    let peak = 0;
    let count = 0;
    for await (const item of loadDataset(spec)) {
      if (!item.ok) throw new Error(item.error.message);
      count += 1;
      if (count % 5000 === 0) peak = Math.max(peak, heldBytes() - base);
    }
    expect(count).toBe(ROWS);
    expect(peak).toBeLessThan(size / 8);

    // The same measure sees a whole-file read: it holds at least the file.
    const before = heldBytes();
    const whole = readFileSync(file, 'utf8');
    const wholeHeld = heldBytes() - before;
    expect(whole.length).toBe(size);
    expect(wholeHeld).toBeGreaterThan(size * 0.9);
  });
});

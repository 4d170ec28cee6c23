import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetSpec } from '../../src/config/schema.js';
import { loadDataset } from '../../src/datasets/load.js';
import type { DatasetItem } from '../../src/datasets/sample.js';
import { tmpFile } from './tmp-file.js';

const piqaRow = (goal: string, label: number) => JSON.stringify({ goal, sol1: 'one', sol2: 'two', label });

function spec(resolvedPath: string, preprocess: 'piqa' | 'none' = 'piqa'): DatasetSpec & { resolvedPath: string } {
  return { dataset_id: 'd', loader: 'jsonl', path: 'ignored.jsonl', params: { preprocess }, resolvedPath };
}

async function collect(items: AsyncIterable<DatasetItem>): Promise<DatasetItem[]> {
  const out: DatasetItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('loadDataset', () => {
  it('keeps going past a broken row, and ids do not shift because of it', async () => {
    const file = tmpFile('p.jsonl', [piqaRow('g1', 0), '{oops', '', piqaRow('g3', 1), piqaRow('g4', 7)].join('\n'));
    const items = await collect(loadDataset(spec(file)));
    expect(items.map((i) => (i.ok ? i.sample.sample_id : i.error.sample_id))).toEqual([
      'piqa-0001',
      'piqa-0002',
      'piqa-0003',
      'piqa-0004',
    ]);
    const [, broken, , badLabel] = items;
    expect(broken).toMatchObject({ ok: false, error: { file, line: 2 } });
    expect(broken?.ok === false && broken.error.message).toMatch(new RegExp(`^${escape(file)}:2: invalid JSON: `));
    expect(badLabel).toEqual({
      ok: false,
      error: {
        sample_id: 'piqa-0004',
        file,
        line: 5,
        message: `${file}:5: piqa field "label" must be 0 or 1 (number or numeric string), got 7`,
      },
    });
  });

  it('takes the first N rows, counting bad rows', async () => {
    const file = tmpFile('n.jsonl', [piqaRow('g1', 0), 'not json', piqaRow('g3', 1), piqaRow('g4', 0)].join('\n'));
    const items = await collect(loadDataset(spec(file), { maxSamples: 3 }));
    expect(items.map((i) => i.ok)).toEqual([true, false, true]);
  });

  it.skipIf(process.platform === 'win32')('stops reading once max_samples rows are out', async () => {
    // A FIFO whose writer never finishes: a reader that keeps going after N rows hangs.
    const fifo = join(mkdtempSync(join(tmpdir(), 'evalmatrix-')), 'endless.jsonl');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    // Destroyed below while its write may still be finishing: that late ERR_STREAM_DESTROYED is
    // teardown noise, and unhandled it would fail the whole run.
    writer.on('error', () => undefined);
    writer.write(`${piqaRow('g1', 0)}\n${piqaRow('g2', 1)}\n${piqaRow('g3', 0)}\n`);
    try {
      const hang = new Promise<'hung'>((res) => setTimeout(() => res('hung'), 2000).unref());
      const items = await Promise.race([collect(loadDataset(spec(fifo), { maxSamples: 2 })), hang]);
      expect(items).not.toBe('hung');
      expect(items).toHaveLength(2);
    } finally {
      writer.destroy();
    }
  });

  it('uses the none preprocessor when asked', async () => {
    const file = tmpFile('n.jsonl', '{"question":"q","answer":"B"}\n');
    expect(await collect(loadDataset(spec(file, 'none')))).toEqual([
      { ok: true, sample: { question: 'q', answer: 'B', sample_id: 'row-0001', reference: 'B', metadata: {} } },
    ]);
  });

  it('fails with the missing path', async () => {
    await expect(collect(loadDataset(spec('/nope/missing.jsonl')))).rejects.toThrow(
      'JSONL file not found: /nope/missing.jsonl',
    );
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

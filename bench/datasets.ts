// Loader throughput and memory: 100,000 rows (about 250 bytes each) through loadDataset as
// JSONL, a JSON array, a JSON object's `rows` key, CSV and TSV, and for comparison a JSON file
// read whole and parsed at once. "held" is the most heap still in use after a full collection,
// sampled every 5,000 rows: what the loader keeps, not what it churns. Not part of `npm run
// bench`; run it on its own:
//   node bench/build.mjs && node --expose-gc bench/.build/bench/datasets.js
import { createWriteStream, mkdirSync, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { DatasetSpec } from '../src/config/schema.js';
import { loadDataset } from '../src/datasets/load.js';
import { WORK_DIR } from './workspace.js';

const ROWS = Number(process.env.ROWS ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

type Format = 'jsonl' | 'json' | 'json-keyed' | 'csv' | 'tsv';

function row(i: number) {
  return { id: `r${i}`, question: `Question ${i}: ${'lorem ipsum dolor sit amet '.repeat(7)}`, a: 'one', b: 'two, too', c: 'three', d: 'four', answer: 'ABCD'[i % 4]! };
}

async function write(format: Format): Promise<string> {
  mkdirSync(WORK_DIR, { recursive: true });
  const file = path.join(WORK_DIR, `loader-${ROWS}.${format === 'json-keyed' ? 'keyed.json' : format}`);
  const out = createWriteStream(file);
  const put = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const columns = Object.keys(row(0));
  if (format === 'csv' || format === 'tsv') await put(`${columns.join(format === 'csv' ? ',' : '\t')}\n`);
  if (format === 'json') await put('[\n');
  if (format === 'json-keyed') await put('{"version": 1, "rows": [\n');
  for (let i = 1; i <= ROWS; i++) {
    const r = row(i);
    const last = i === ROWS;
    if (format === 'jsonl') await put(`${JSON.stringify(r)}\n`);
    else if (format === 'csv') await put(`${Object.values(r).map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')}\n`);
    else if (format === 'tsv') await put(`${Object.values(r).join('\t')}\n`);
    else await put(`  ${JSON.stringify(r)}${last ? '' : ','}\n`);
  }
  if (format === 'json') await put(']\n');
  if (format === 'json-keyed') await put(']}\n');
  out.end();
  await once(out, 'finish');
  return file;
}

function held(): number {
  gc!();
  return process.memoryUsage().heapUsed;
}

async function measure(format: Format) {
  const file = await write(format);
  const loader = format === 'json-keyed' ? 'json' : format;
  const preprocess = { type: 'multiple_choice' as const, question: 'question', choices: ['a', 'b', 'c', 'd'], label: 'answer' };
  const spec = { dataset_id: 'bench', loader, path: file, resolvedPath: file, params: { preprocess } } as DatasetSpec & { resolvedPath: string };
  // One pass timed, one measured: the collections that measure memory would slow the timing.
  const t0 = performance.now();
  let count = 0;
  for await (const item of loadDataset(spec)) {
    if (!item.ok) throw new Error(item.error.message);
    count += 1;
  }
  const seconds = (performance.now() - t0) / 1000;
  const base = held();
  let peak = 0;
  let seen = 0;
  for await (const _ of loadDataset(spec)) if (++seen % 5000 === 0) peak = Math.max(peak, held() - base);
  return { format, mb: statSync(file).size / 2 ** 20, rowsPerSecond: count / seconds, heldMb: peak / 2 ** 20 };
}

/** The alternative to streaming a JSON array: read it whole, parse it at once. */
function wholeJson(file: string) {
  const base = held();
  const t0 = performance.now();
  const rows = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
  const seconds = (performance.now() - t0) / 1000;
  return { format: 'json, whole-file JSON.parse', mb: statSync(file).size / 2 ** 20, rowsPerSecond: rows.length / seconds, heldMb: (held() - base) / 2 ** 20 };
}

const results = [];
for (const format of ['jsonl', 'json', 'json-keyed', 'csv', 'tsv'] as const) results.push(await measure(format));
results.push(wholeJson(path.join(WORK_DIR, `loader-${ROWS}.json`)));
console.log(`${ROWS} rows, loadDataset with a multiple_choice mapping (node ${process.version})`);
console.log('format                        file MB   rows/s    held MB');
for (const r of results) console.log(`${r.format.padEnd(28)}  ${r.mb.toFixed(1).padStart(7)}  ${Math.round(r.rowsPerSecond).toString().padStart(8)}  ${r.heldMb.toFixed(1).padStart(8)}`);

// The recordings file on disk: a corrupt or cut-short line is skipped with file:line and never
// stops the rest; an append after a cut-short line starts a line of its own; `record` rewrites the
// file whole (one line per key, corrupt lines gone, an unchanged answer's line kept as it was);
// and two processes recording into one file at once leave only whole lines, none lost.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RecordingsFile } from '../../src/recordings/recordings-file.js';
import { RecordingsStore } from '../../src/recordings/store.js';
import { freshDir } from './live-server.js';
import { keyOf, testLine } from './lines.js';

const CHILD = fileURLToPath(new URL('./writer-child.mjs', import.meta.url));

function contentOf(line: { response: { body?: unknown } } | undefined): unknown {
  return (line?.response.body as { choices: Array<{ message: { content: string } }> } | undefined)?.choices[0]?.message.content;
}

function linesOf(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
}

describe('a file with bad lines', () => {
  const setUp = () => {
    const file = path.join(freshDir(), 'pipe', 'model.jsonl');
    mkdirSync(path.dirname(file), { recursive: true });
    const good = testLine('good', 'kept');
    const later = testLine('later', 'also kept');
    writeFileSync(file, [good.text, '{"key": "not a recording"}', '', later.text, good.text.slice(0, 40)].join('\n'));
    return { file, good, later };
  };

  it('skips each with file:line in a warning, and answers from the good ones', async () => {
    const { file, good, later } = setUp();
    const warnings: string[] = [];
    const recordings = new RecordingsFile(file, (m) => warnings.push(m));
    expect(contentOf(await recordings.find(good.key))).toBe('kept');
    expect(contentOf(await recordings.find(later.key))).toBe('also kept');
    expect(await recordings.find(keyOf('never'))).toBeUndefined();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/model\.jsonl:2: skipped: key: a sha256 in hex/);
    expect(warnings[1]).toMatch(/model\.jsonl:5: skipped: not JSON .*a line cut short by a killed run looks like this/);
  });

  it('an append after a cut-short last line starts on a line of its own', async () => {
    const { file } = setUp();
    const recordings = new RecordingsFile(file, () => undefined);
    const added = testLine('added', 'appended');
    await recordings.find(added.key);
    await recordings.append(added.key, added.text);
    expect(linesOf(file).at(-1)).toBe(added.text);
    expect(contentOf(await new RecordingsFile(file, () => undefined).find(added.key))).toBe('appended');
  });

  it('`record` rewrites it whole: new answers replace old ones, corrupt lines go, an unchanged answer keeps its line', async () => {
    const { file, good, later } = setUp();
    const warnings: string[] = [];
    const store = new RecordingsStore(path.dirname(path.dirname(file)), 'record', (m) => warnings.push(m));
    const sameAnswer = testLine('good', 'kept', '2027-01-01T00:00:00.000Z');
    const newAnswer = testLine('later', 'changed', '2027-01-01T00:00:00.000Z');
    const added = testLine('added', 'new');
    for (const line of [sameAnswer, newAnswer, added]) await store.save(file, line.key, line.text);
    await store.close();
    expect(linesOf(file)).toEqual([good.text, newAnswer.text, added.text]);
    expect(later.text).not.toBe(newAnswer.text);
    expect(warnings.map((w) => w.replace(/^.*model\.jsonl/, ''))).toEqual([
      ':2: dropped by this rewrite: key: a sha256 in hex',
      expect.stringMatching(/^:5: dropped by this rewrite: not JSON/),
    ]);
  });
});

function writer(file: string, mode: string, who: string, count: number): Promise<number | null> {
  const child = spawn(process.execPath, [CHILD, file, mode, who, String(count)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(code) : reject(new Error(`writer ${who} exited ${code}: ${errors}`))));
  });
}

describe('two processes recording into one file', () => {
  it('auto: every line whole and none lost, large ones included', async () => {
    const file = path.join(freshDir(), 'pipe', 'model.jsonl');
    await Promise.all([writer(file, 'auto', 'a', 150), writer(file, 'auto', 'b', 150)]);
    const lines = linesOf(file);
    expect(lines).toHaveLength(300);
    const keys = lines.map((l) => (JSON.parse(l) as { key: string }).key);
    const expected = ['a', 'b'].flatMap((who) => Array.from({ length: 150 }, (_, i) => keyOf(`${who}-${i}`)));
    expect(new Set(keys)).toEqual(new Set(expected));
  });

  it('record: both rewrites keep both processes\' answers and the old lines they did not touch', async () => {
    const file = path.join(freshDir(), 'pipe', 'model.jsonl');
    mkdirSync(path.dirname(file), { recursive: true });
    const old = [testLine('a-0', 'old answer'), testLine('untouched', 'stays')];
    writeFileSync(file, old.map((l) => l.text).join('\n') + '\n');
    await Promise.all([writer(file, 'record', 'a', 60), writer(file, 'record', 'b', 60)]);
    const byKey = new Map(linesOf(file).map((l) => [(JSON.parse(l) as { key: string }).key, JSON.parse(l)]));
    expect(byKey.size).toBe(121);
    expect(linesOf(file)).toHaveLength(121);
    expect(contentOf(byKey.get(keyOf('untouched')))).toBe('stays');
    expect(contentOf(byKey.get(keyOf('a-0')))).toBe('x'.repeat(200_000));
    expect(contentOf(byKey.get(keyOf('b-59')))).toBe('b answer 59');
  });
});

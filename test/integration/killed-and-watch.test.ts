// Two runs that don't end normally: one killed mid-way, one in watch mode reacting to an edit.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseDirs, FIXTURE_DIR, freshOutDir, PIPELINE, readEvents, startFixture, waitFor } from './fixture-run.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function lineCount(file: string): number {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0;
}

describe('a run killed mid-way', () => {
  it('leaves events files whose every line parses, and no partial summary', async () => {
    const outDir = freshOutDir();
    const rows = path.join(outDir, 'many.jsonl');
    writeFileSync(
      rows,
      Array.from({ length: 3000 }, (_, i) => JSON.stringify({ goal: `goal ${i}`, sol1: 'one', sol2: 'two', label: i % 2 })).join('\n') + '\n',
    );
    const run = startFixture(['run'], { MINI_ROWS: rows, MINI_MAX_SAMPLES: '3000', MINI_CONCURRENCY: '2', EVALMATRIX_MOCK_LATENCY_MS: '10' }, outDir);
    cleanups.push(() => killGroup(run.child.pid));
    // Wait until a few batches are on disk, then kill the whole process tree without warning.
    await waitFor(
      () => caseDirs(outDir).some((d) => lineCount(path.join(d, 'events.jsonl')) > 150),
      45_000,
      `events on disk; output so far:\n${run.output()}`,
    );
    run.child.kill('SIGKILL');
    await new Promise((r) => run.child.once('close', r));

    const dirs = caseDirs(outDir);
    expect(dirs.length).toBeGreaterThan(0);
    for (const dir of dirs) {
      const text = readFileSync(path.join(dir, 'events.jsonl'), 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      const events = readEvents(dir); // throws on a torn line
      expect(events.map((e) => e.event_id)).toEqual(events.map((_, i) => i + 1));
      expect(events.some((e) => e.event === 'case_end')).toBe(false);
      expect(readdirSync(dir).sort()).toEqual(['events.jsonl']);
    }
  });
});

describe('watch mode', () => {
  it('editing the prompt in the pipeline YAML reruns the cases that use it', async () => {
    // A private copy at the same depth, so the fixture's relative imports still resolve.
    const copy = path.join(path.dirname(FIXTURE_DIR), `tmp-watch-${process.pid}-${Date.now()}`);
    cpSync(FIXTURE_DIR, copy, { recursive: true });
    cleanups.push(() => rmSync(copy, { recursive: true, force: true }));
    const outDir = freshOutDir();
    const run = startFixture(['--watch', '--root', copy], { MINI_MAX_SAMPLES: '2' }, outDir);
    cleanups.push(() => killGroup(run.child.pid));
    const indexFile = path.join(outDir, PIPELINE, 'summary.index.json');
    const indexCount = (): number => (existsSync(indexFile) ? (JSON.parse(readFileSync(indexFile, 'utf8')) as { count: number }).count : 0);

    await waitFor(() => indexCount() === 2, 45_000, `the first run's index; output so far:\n${run.output()}`);
    const firstRunIds = new Set(caseDirs(outDir).map((d) => path.basename(d)));
    expect(firstRunIds.size).toBe(1);

    const yamlFile = path.join(copy, 'mini.yaml');
    writeFileSync(yamlFile, readFileSync(yamlFile, 'utf8').replace('Answer with A or B.', 'Pick A or B, edited.'));

    await waitFor(() => indexCount() === 4, 45_000, `the rerun's index; output so far:\n${run.output()}`);
    const rerunDirs = caseDirs(outDir).filter((d) => !firstRunIds.has(path.basename(d)));
    expect(rerunDirs).toHaveLength(2);
    expect(new Set(rerunDirs.map((d) => path.basename(d))).size).toBe(1); // a new run id, shared
    for (const dir of rerunDirs) {
      const texts = readEvents(dir).flatMap((e) => (e.event === 'inference_end' ? [e.payload.text] : []));
      expect(texts).toHaveLength(2);
      for (const t of texts) expect(t).toContain('Pick A or B, edited.');
    }
    run.child.kill('SIGTERM');
  });
});

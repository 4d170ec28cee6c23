// Vitest's Node API drives the fixture suite in this process: the reporter's results reach
// the caller, and the same files land on disk.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';
import { caseDirs, FIXTURE_DIR, freshOutDir, PIPELINE, readEvents } from './fixture-run.js';

describe('startVitest on the fixture suite', () => {
  it('runs both cases, carries events in a few batches, and leaves their files', async () => {
    const outDir = freshOutDir();
    const rows = path.join(outDir, 'rows.jsonl');
    const lines = Array.from({ length: 150 }, (_, i) => JSON.stringify({ goal: `g${i}`, sol1: 'a', sol2: 'b', label: i % 2 }));
    writeFileSync(rows, lines.join('\n') + '\n');
    const before = process.env.EVALMATRIX_OUTPUT_DIR;
    process.env.EVALMATRIX_OUTPUT_DIR = outDir;
    try {
      const vitest = await startVitest('test', [], {
        root: FIXTURE_DIR,
        config: path.join(FIXTURE_DIR, 'vitest.config.ts'),
        watch: false,
        env: { EVALMATRIX_OUTPUT_DIR: outDir, MINI_ROWS: rows, MINI_MAX_SAMPLES: '150' },
      });
      await vitest.close();
      // 302 events per case (start, 150 × inference + score, end) travel as a handful of
      // artifacts, and the reporter has dropped their contents once written.
      const testCases = vitest.state.getTestModules().flatMap((m) => [...m.children.allTests()]);
      expect(testCases).toHaveLength(2);
      for (const testCase of testCases) {
        const artifacts = testCase.artifacts().filter((a) => a.type === 'evalmatrix:events');
        expect(artifacts.length).toBeGreaterThanOrEqual(4);
        expect(artifacts.length).toBeLessThanOrEqual(12);
        for (const a of artifacts) expect((a as { events: unknown[] }).events).toEqual([]);
      }
      const states = vitest.state.getFiles().flatMap((f) => f.tasks.flatMap((s) => ('tasks' in s ? s.tasks : [s])));
      expect(states.map((t) => [t.name, t.result?.state])).toEqual([
        ['mini_task › be_openai', 'pass'],
        ['mini_task › be_anthropic', 'pass'],
      ]);
    } finally {
      if (before === undefined) delete process.env.EVALMATRIX_OUTPUT_DIR;
      else process.env.EVALMATRIX_OUTPUT_DIR = before;
    }
    const dirs = caseDirs(outDir);
    expect(dirs).toHaveLength(2);
    for (const dir of dirs) {
      expect(readEvents(dir).filter((e) => e.event === 'inference_end')).toHaveLength(150);
    }
    expect(JSON.parse(readFileSync(path.join(outDir, PIPELINE, 'summary.index.json'), 'utf8')).count).toBe(2);
  });

  it('works the same in the threads pool (the leaner one, see README Performance)', async () => {
    const outDir = freshOutDir();
    const before = process.env.EVALMATRIX_OUTPUT_DIR;
    // The reporter, in this process, reads it too.
    process.env.EVALMATRIX_OUTPUT_DIR = outDir;
    let vitest: Awaited<ReturnType<typeof startVitest>>;
    try {
      vitest = await startVitest('test', [], {
        root: FIXTURE_DIR,
        config: path.join(FIXTURE_DIR, 'vitest.config.ts'),
        watch: false,
        pool: 'threads',
        env: { EVALMATRIX_OUTPUT_DIR: outDir },
      });
      await vitest.close();
    } finally {
      if (before === undefined) delete process.env.EVALMATRIX_OUTPUT_DIR;
      else process.env.EVALMATRIX_OUTPUT_DIR = before;
    }
    expect(vitest.projects.map((p) => p.config.pool)).toEqual(['threads']);
    expect(vitest.state.getCountOfFailedTests()).toBe(0);
    const dirs = caseDirs(outDir);
    expect(dirs).toHaveLength(2);
    // rows.jsonl: 8 good rows and one malformed one.
    for (const dir of dirs) expect(readEvents(dir).map((e) => e.event).filter((e) => e === 'inference_end' || e === 'sample_error').sort()).toEqual([...Array(8).fill('inference_end'), 'sample_error']);
  });
});

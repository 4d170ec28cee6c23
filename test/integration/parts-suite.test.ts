// Real Vitest on test/fixtures/parts-suite: one pipeline split over two eval files with
// defineEvalSuite's `part`, so its cases can run in two workers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseDirs, PIPELINE, readSummary, runFixture } from './fixture-run.js';

const DIR = fileURLToPath(new URL('../fixtures/parts-suite/', import.meta.url));

describe('a pipeline split over eval files by part', () => {
  it('runs every case once, each in the file of its part, into one run and one index', async () => {
    const run = await runFixture({}, ['part-1.eval.ts', 'part-2.eval.ts', '--maxWorkers=2'], DIR);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/part-1\.eval\.ts[^\n]*1 test/);
    expect(run.output).toMatch(/part-2\.eval\.ts[^\n]*1 test/);
    const dirs = caseDirs(run.outDir);
    expect(dirs.map((dir) => path.relative(path.join(run.outDir, PIPELINE), path.dirname(dir))).sort()).toEqual(['be_anthropic/mini_task', 'be_openai/mini_task']);
    expect(new Set(dirs.map((dir) => path.basename(dir))).size).toBe(1);
    for (const dir of dirs) expect(readSummary(dir).status).toBe('passed');
    const index = JSON.parse(readFileSync(path.join(run.outDir, PIPELINE, 'summary.index.json'), 'utf8')) as { items: unknown[] };
    expect(index.items).toHaveLength(2);
  });

  it('refuses a part that would have no cases, saying how many parts the pipeline allows', async () => {
    const run = await runFixture({}, ['too-many.eval.ts'], DIR);
    expect(run.code).toBe(1);
    expect(run.output).toContain('part "3/3" of');
    expect(run.output).toContain('has no cases: the pipeline has 2, so split it into at most 2 parts');
  });
});

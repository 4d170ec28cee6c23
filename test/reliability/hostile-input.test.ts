// Hostile data and templates inside a run: each costs the samples it touches, never the run.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killGroup, sampleErrors, startProject, workDir, writePipeline, writeRows, type Run } from './project-run.js';

const running: Run[] = [];
afterEach(() => {
  while (running.length) killGroup(running.pop()!);
});

async function run(file: string, dir: string, deadlineMs: number) {
  const r = startProject(file, dir);
  running.push(r);
  const timer = setTimeout(() => killGroup(r), deadlineMs);
  const done = await r.done.finally(() => clearTimeout(timer));
  expect(done.signal, `still running after ${deadlineMs / 1000} s:\n${done.output.slice(-2000)}`).toBeNull();
  return done;
}

describe('hostile datasets', () => {
  it('refuses a non-UTF-8 dataset naming the file and byte offset, keeping the rows before it', async () => {
    const dir = workDir();
    const rows = path.join(dir, 'latin1.jsonl');
    const good = Array.from({ length: 3 }, (_, i) => JSON.stringify({ goal: `g${i}`, sol1: 'a', sol2: 'b', label: 0 })).join('\n') + '\n';
    writeFileSync(rows, Buffer.concat([Buffer.from(good), Buffer.from('{"goal": "caf'), Buffer.from([0xe9]), Buffer.from('", "sol1": "a", "sol2": "b", "label": 0}\n')]));
    const done = await run(writePipeline(dir, { name: 'latin1', rows, samples: 10, providers: ['openai'] }), dir, 60_000);
    // A dataset that breaks as a whole fails its case (the rows before it were run and scored).
    expect(done.code, done.output).toBe(1);
    expect(done.output).toContain('is not valid UTF-8');
    const errors = sampleErrors(path.join(dir, 'latin1'));
    expect(errors).toEqual([{ stage: 'dataset', error_type: 'DatasetError', attempts: 0, message: expect.stringMatching(new RegExp(`${rows.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid UTF-8 \\(at byte offset ${Buffer.byteLength(good) + 13}\\)`)) }]);
  });

  it('names the path of a dataset that is a folder', async () => {
    const dir = workDir();
    const folder = path.join(dir, 'rows-folder.jsonl');
    mkdirSync(folder);
    const done = await run(writePipeline(dir, { name: 'folder', rows: folder, samples: 2, providers: ['openai'] }), dir, 60_000);
    expect(done.code, done.output).toBe(1);
    expect(sampleErrors(path.join(dir, 'folder'))).toEqual([{ stage: 'dataset', error_type: 'DatasetError', attempts: 0, message: expect.stringContaining(`${folder} is a folder, not a JSONL file`) }]);
  });
});

// DEPENDS ON the prompts helper's per-render budget (src/prompts/, another branch): until it is
// merged this test fails — the worker runs out of heap after about 90 s and no test is named.
describe('a runaway template', () => {
  it('becomes a prompt sample_error for each sample, never a crashed worker', async () => {
    const dir = workDir();
    const file = writePipeline(dir, {
      name: 'runaway',
      rows: writeRows(dir, 2),
      samples: 2,
      providers: ['openai'],
      template: '{% for i in range(100000000) %}{{ sample.goal }} {% endfor %}',
    });
    const done = await run(file, dir, 60_000);
    expect(done.code, done.output.slice(-2000)).toBe(0);
    const errors = sampleErrors(path.join(dir, 'runaway'));
    expect(errors).toHaveLength(2);
    for (const e of errors) expect(e.stage).toBe('prompt');
  });
});

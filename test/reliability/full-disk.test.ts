// A full disk, for real: the output folder is a small tmpfs (this needs root; where mounting is
// refused the tests are skipped and test/reporter/events-file-failure.test.ts covers the same
// logic with a write that fails at a chosen byte). A write that fails fails its case and the
// run, loudly, leaves events.jsonl ending on a whole line, and no test shows ✓ without its
// summary.json on disk.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writtenEventSchema } from '../../src/runner/events.js';
import { caseFolders, filesUnder, runProject, workDir, writePipeline, writeRows } from './project-run.js';

const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
});

/** A tmpfs of `bytes` at a fresh folder, or undefined when this machine does not allow it. */
function tmpfs(bytes: number): string | undefined {
  const dir = path.join(workDir('em-disk-'), 'out');
  mkdirSync(dir);
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]).status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}

const probe = tmpfs(64 * 1024);
const canMount = probe !== undefined;

/** Fills the file system at `dir` until only `pages` 4 KiB pages are free. */
function leaveFree(dir: string, pages: number): void {
  const { bavail, bsize } = statfsSync(dir);
  writeFileSync(path.join(dir, 'filler'), Buffer.alloc(Math.max(0, (bavail - pages) * bsize)));
}

function wholeLines(file: string): number {
  const text = readFileSync(file, 'utf8');
  expect(text === '' || text.endsWith('\n')).toBe(true);
  const lines = text.split('\n').filter((l) => l !== '');
  lines.forEach((l) => writtenEventSchema.parse(JSON.parse(l)));
  return lines.length;
}

/** Test names Vitest printed with ✓. */
function passedTests(output: string): string[] {
  return output.split('\n').flatMap((l) => {
    const name = /✓ .*?(\S+ › \S+)/.exec(l)?.[1];
    return name ? [name] : [];
  });
}

describe.skipIf(!canMount)('a full disk (tmpfs)', () => {
  it('with room for the events only: the case fails loudly, no ✓ without summary.json', async () => {
    const out = tmpfs(64 * 1024)!;
    leaveFree(out, 1); // one page: events.jsonl gets it, nothing else fits
    const dir = workDir();
    const file = writePipeline(dir, { name: 'full', rows: writeRows(dir, 2), samples: 2, providers: ['openai'] });
    // verbose: every test on its own line, ✓ or ×.
    const run = await runProject(file, out, {}, ['--reporter=verbose']);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/evalmatrix: ERROR .*task › be_openai: evalmatrix could not write .*summary\.json \(ENOSPC\): the disk is full/);
    expect(run.output).toMatch(/× .*task › be_openai/);
    const root = path.join(out, 'full');
    const [only] = caseFolders(root);
    expect(wholeLines(path.join(root, only!, 'events.jsonl'))).toBeGreaterThan(0);
    for (const name of passedTests(run.output)) expect(existsSync(path.join(root, only!, 'summary.json')), name).toBe(true);
    expect(filesUnder(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('running out mid-case: events.jsonl cut back to its last whole line, the case and the run fail', async () => {
    const out = tmpfs(256 * 1024)!;
    const dir = workDir();
    const file = writePipeline(dir, { name: 'full', rows: writeRows(dir, 3000), samples: 3000, concurrency: 8, providers: ['openai', 'anthropic'] });
    const run = await runProject(file, out, {}, ['--reporter=verbose']);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/× .*task › be_openai/);
    expect(run.output).toMatch(/evalmatrix: ERROR .*events\.jsonl \(ENOSPC\)/);
    expect(run.output).not.toMatch(/Unhandled/);
    const root = path.join(out, 'full');
    for (const c of caseFolders(root)) {
      const events = path.join(root, c, 'events.jsonl');
      if (existsSync(events)) wholeLines(events);
      for (const name of passedTests(run.output)) if (name.endsWith(c.split('/')[0]!)) expect(existsSync(path.join(root, c, 'summary.json')), name).toBe(true);
    }
    expect(passedTests(run.output)).toEqual([]);
  });
});

it('says why the full-disk tests run or not', () => {
  console.log(canMount ? 'tmpfs mounted: the full-disk tests ran for real' : `no tmpfs here (${execFileSync('id', ['-u']).toString().trim() === '0' ? 'mount refused' : 'not root'}): skipped`);
});

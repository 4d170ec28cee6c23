// Resume's bad input, through real Vitest: a run id that does not exist (from the `evalmatrix
// resume` command), a config changed since the run, watch mode — each a clear error naming the
// run and what is wrong, with nothing written; and the cases a run lacks, which run whole.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../cli/built-cli.js';
import { caseDirs, readEvents, readSummary } from './fixture-run.js';
import { allCaseDirs, env, RESUME_DIR, runResumeSuite } from './resume-run.js';

const MINUTES = 60_000;
const SMALL = { RESUME_SAMPLES: '20', RESUME_QUESTIONS: '5' };

beforeAll(() => ensureBuilt(), 3 * MINUTES);

/** Every file under `dir` with its bytes, but the index (rebuilt after every run). */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name !== 'summary.index.json') files[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

describe.concurrent('resuming what cannot be resumed', () => {
  it('a run id that does not exist: `evalmatrix resume` says so, naming the runs there; nothing is written', async () => {
    const done = await runResumeSuite(undefined, SMALL);
    expect(done.code, done.output).toBe(0);
    const runId = path.basename(allCaseDirs(done.outDir)[0]!);
    const before = snapshot(done.outDir);
    const result = await runCli(['resume', '20990101-000000-abcdef', '--', '--config', 'vitest.config.ts'], { cwd: RESUME_DIR, env: { ...env(SMALL), CI: '1', EVALMATRIX_OUTPUT_DIR: done.outDir } });
    expect(result.code).toBe(1);
    const output = result.stdout + result.stderr;
    expect(output).toContain(`EVALMATRIX_RESUME=20990101-000000-abcdef: there is no run 20990101-000000-abcdef under ${done.outDir}. Runs there, newest first: ${runId} (3 cases of resume_plain, resume_trials). Name one of them, or latest.`);
    expect(output).not.toMatch(/\n\s+at /); // the message, not a stack trace
    expect(snapshot(done.outDir)).toEqual(before);
  }, 3 * MINUTES);

  it('a config changed since the run: its cases fail naming the run and what changed; the rest are kept; nothing is written', async () => {
    const done = await runResumeSuite(undefined, SMALL);
    expect(done.code, done.output).toBe(0);
    const runId = path.basename(allCaseDirs(done.outDir)[0]!);
    const before = snapshot(done.outDir);
    const changed = await runResumeSuite(done.outDir, { ...SMALL, EVALMATRIX_RESUME: 'latest', RESUME_INSTRUCTION: 'Pick A or B.' });
    expect(changed.code).toBe(1);
    for (const backend of ['be_openai', 'be_anthropic']) {
      expect(changed.output).toContain(`cannot resume run ${runId} for plain › ${backend} (`);
    }
    expect(changed.output).toContain('its config changed since that run: the prompt (p). Undo the change to resume the run, or run the evals anew without EVALMATRIX_RESUME.');
    expect(changed.output).toMatch(/✓ trials.eval.ts/);
    expect(changed.output).toMatch(/be_openai\s+trials\s+5\s+exact=0.66667 f1=0.83333\s+0\s+\d+ ms\s+\S+\s+passed/);
    expect(snapshot(done.outDir)).toEqual(before);
  }, 3 * MINUTES);

  it('a finished run: every case kept as it was, a failed one failing the resumed run again', async () => {
    const done = await runResumeSuite(undefined, { ...SMALL, RESUME_MIN_ACC: '0.9' });
    expect(done.code, done.output).toBe(1);
    const runId = path.basename(allCaseDirs(done.outDir)[0]!);
    const before = snapshot(done.outDir);
    const again = await runResumeSuite(done.outDir, { ...SMALL, RESUME_MIN_ACC: '0.9', EVALMATRIX_RESUME: 'latest' });
    expect(again.code).toBe(1);
    expect(again.output).toContain(`plain › be_openai failed:\n  - it finished in run ${runId} and is kept as it was\n  - acc = `);
    expect(again.output).toMatch(/be_openai\s+trials\s+5\s+exact=0.66667 f1=0.83333\s+0\s+\d+ ms\s+\S+\s+passed/);
    expect(snapshot(done.outDir)).toEqual(before);
  }, 3 * MINUTES);

  it('watch mode: refused at start, saying to use vitest run', async () => {
    const done = await runResumeSuite(undefined, SMALL);
    const watch = await runResumeSuite(done.outDir, { ...SMALL, EVALMATRIX_RESUME: 'latest' }, ['--watch']);
    expect(watch.code).toBe(1);
    expect(watch.output).toContain('EVALMATRIX_RESUME finishes one run and cannot be used in watch mode');
  }, 3 * MINUTES);
});

describe('a case the run lacks', () => {
  it('runs whole into the run; the cases it finished are kept as they were', async () => {
    const partial = await runResumeSuite(undefined, SMALL, ['plain.eval.ts']);
    expect(partial.code, partial.output).toBe(0);
    const { outDir } = partial;
    const [plainDir] = caseDirs(outDir, 'resume_plain');
    const runId = path.basename(plainDir!);
    expect(caseDirs(outDir, 'resume_trials')).toEqual([]);
    const summaryWritten = statSync(path.join(plainDir!, 'summary.json')).mtimeMs;
    const plainBefore = snapshot(path.join(outDir, 'resume_plain'));

    const resumed = await runResumeSuite(outDir, { ...SMALL, EVALMATRIX_RESUME: runId });
    expect(resumed.code, resumed.output).toBe(0);
    expect(snapshot(path.join(outDir, 'resume_plain'))).toEqual(plainBefore);
    expect(statSync(path.join(plainDir!, 'summary.json')).mtimeMs).toBe(summaryWritten);
    const [trialsDir] = caseDirs(outDir, 'resume_trials');
    expect(path.basename(trialsDir!)).toBe(runId);
    expect(readSummary(trialsDir!)).toMatchObject({ sample_count: 5, status: 'passed' });
    const starts = readEvents(trialsDir!).filter((e) => e.event === 'case_start');
    expect(starts).toHaveLength(1);
    expect(starts[0]!.payload.resumed).toBeUndefined();
    // The kept cases are in the table, as they were.
    expect(resumed.output).toMatch(/be_openai\s+plain\s+20\s+acc=/);
  }, 3 * MINUTES);
});

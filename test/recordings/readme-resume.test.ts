// README "Resuming a run" stays true: the errors it quotes are the ones given, its variables
// and command are the ones read, and its commands exist.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { resumeTargetFromEnv } from '../../src/vitest/resume-target.js';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const section = readme.slice(readme.indexOf('\n## Resuming a run\n'), readme.indexOf('\n## Modes and providers\n'));

/** The README's text with run ids, paths and counts as shapes: what the code says must fit it. */
const shape = (quoted: string): RegExp =>
  new RegExp(
    '^' +
      quoted
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\d{8}-\d{6}-[0-9a-f]{6}/g, '\\d{8}-\\d{6}-[0-9a-f]{6}')
        .replace(/ under runs\\\./, ' under \\S+\\.')
        .replace(/, …\\\. /, '\\. ') +
      '$',
  );

describe('README: Resuming a run', () => {
  it('quotes the error a run id that does not exist gives', () => {
    const quoted = /\| a run id that does not exist \| `([^`]+)`/.exec(section)![1]!;
    const root = mkdtempSync(path.join(tmpdir(), 'em-readme-resume-'));
    for (const pipeline of ['resume_plain', 'resume_trials']) {
      for (const model of pipeline === 'resume_plain' ? ['a', 'b'] : ['a']) {
        const dir = path.join(root, pipeline, model, 't', '20261129-144024-a5d78f');
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, 'summary.json'), '{}');
      }
    }
    let said = '';
    try {
      resumeTargetFromEnv(root, { EVALMATRIX_RESUME: '20990101-000000-abcdef' });
    } catch (error) {
      said = (error as Error).message;
    }
    expect(said).toMatch(shape(quoted));
  });

  it('names the variables and the command the code reads', async () => {
    for (const name of ['EVALMATRIX_RESUME=latest', 'EVALMATRIX_RERUN=errors', 'npx evalmatrix resume [run] [--errors] -- evals/']) expect(section).toContain(name);
    let help = '';
    expect(await main(['resume', '--help'], { out: (s) => (help += s), err: () => {} })).toBe(0);
    expect(help).toContain('Usage: evalmatrix resume [options] [run] [vitest-args...]');
    expect(help).toContain('--errors');
  });
});

// Which run EVALMATRIX_RESUME / EVALMATRIX_RERUN mean: the newest under the output root, a run
// id that exists, or a clear error naming the run asked for and the runs there are.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resumeTargetFromEnv } from '../../src/vitest/resume-target.js';

function outRoot(cases: Array<[pipeline: string, runId: string, file: string]>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'em-resume-target-'));
  for (const [pipeline, runId, file] of cases) {
    const dir = path.join(root, pipeline, 'm', 't', runId);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, file), '{}\n');
  }
  return root;
}

const A = '20261122-031500-aaaaaa';
const B = '20261123-090000-bbbbbb';

describe('resumeTargetFromEnv', () => {
  it('is nothing without either variable', () => {
    expect(resumeTargetFromEnv(outRoot([]), {})).toBeUndefined();
  });

  it('takes the newest run over every pipeline for latest, and for a rerun of errors alone', () => {
    const root = outRoot([['p', A, 'summary.json'], ['q', B, 'events.jsonl']]);
    expect(resumeTargetFromEnv(root, { EVALMATRIX_RESUME: 'latest' })).toEqual({ runId: B, outRoot: root, rerun: 'unfinished' });
    expect(resumeTargetFromEnv(root, { EVALMATRIX_RERUN: 'errors' })).toEqual({ runId: B, outRoot: root, rerun: 'errors' });
    expect(resumeTargetFromEnv(root, { EVALMATRIX_RESUME: A, EVALMATRIX_RERUN: 'errors' })).toEqual({ runId: A, outRoot: root, rerun: 'errors' });
  });

  it('names a run that does not exist and the runs that do, newest first', () => {
    const root = outRoot([['p', A, 'summary.json'], ['q', B, 'events.jsonl']]);
    expect(() => resumeTargetFromEnv(root, { EVALMATRIX_RESUME: '20261124-000000-cccccc' })).toThrow(
      `EVALMATRIX_RESUME=20261124-000000-cccccc: there is no run 20261124-000000-cccccc under ${root}. Runs there, newest first: ${B} (1 case of q, 1 without summary), ${A} (1 case of p). Name one of them, or latest.`,
    );
  });

  it('says when there is nothing to resume, and refuses an unknown EVALMATRIX_RERUN', () => {
    expect(() => resumeTargetFromEnv(outRoot([]), { EVALMATRIX_RESUME: 'latest' })).toThrow(/there is no run under .* to resume\. Run the evals first/);
    expect(() => resumeTargetFromEnv(outRoot([]), { EVALMATRIX_RERUN: 'failed' })).toThrow('EVALMATRIX_RERUN="failed": its one value is "errors"');
  });
});

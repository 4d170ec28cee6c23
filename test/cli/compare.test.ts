// `evalmatrix compare` on the fixture runs: the deltas and flipped samples it prints, checked
// against the values the fixtures plant, its formats and its exit codes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BASE_RUN, CURRENT_RUN, NOISE_RUN, QA_ROOT, RUNS_DIR } from '../report/fixture-runs.js';
import { capture } from './capture.js';

afterEach(() => vi.unstubAllEnvs());

describe('evalmatrix compare', () => {
  it('prints each metric delta with its test, the flipped samples, latency, errors and cost', async () => {
    const r = await capture(['compare', 'previous', 'latest', '--root', QA_ROOT]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain(`baseline ${BASE_RUN}`);
    expect(r.out).toContain(`current  ${CURRENT_RUN}`);
    expect(r.out).toMatch(/qa › model_regress\s+exact\s+pass rate\s+0\.833\s+0\.167\s+-0\.667\s+12\s+McNemar p=0\.0215 \(9 pass→fail, 1 fail→pass\)\s+regression/);
    expect(r.out).toMatch(/qa › model_noise\s+exact\s+pass rate\s+0\.750\s+0\.500\s+-0\.250\s+8\s+McNemar p=0\.6250 \(3 pass→fail, 1 fail→pass\)\s+no significant change/);
    expect(r.out).toMatch(/qa › model_noise\s+similarity\s+mean score\s+0\.744\s+0\.743\s+-0\.001\s+8\s+bootstrap 95% CI \[-0\.\d{3}, \+0\.\d{3}\]\s+no significant change/);
    expect(r.out).toMatch(/qa › model_shuffled\s+exact\s+mean score\s+1\.000\s+0\.500\s+-0\.500\s+0\s+not tested\s+not tested/);
    expect(r.out).toContain('pass→fail (9): s01, s02, s03, s04, s05, s06, s07, s08, s09\n    fail→pass (1): s11');
    expect(r.out).toContain('pass→fail (3): n01, n02, n03\n    fail→pass (1): n07');
    expect(r.out).toMatch(/qa › model_regress\s+105\.0 → 155\.0 \(\+50\.0\)\s+180\.0 → 280\.0 \(\+100\.0\)\s+0 → 2 \(\+2\)\s+0\.0010 → 0\.0012 \(\+0\.0002\)/);
    expect(r.out).toContain('qa › model_shuffled: no samples in common (baseline 4, current 4): the means are compared without a test');
    expect(r.out).toContain('qa › model_noise: only in the current run, not compared: judge_quality');
    expect(r.out).toContain('cases only in the current run, not compared: qa › model_new');
    expect(r.out).toContain('cases only in the baseline, not compared: qa › model_gone');
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('1 significant regression, 0 significant improvements (paired tests, alpha 0.05)');
  });

  it('--fail-on regression exits 1 on the planted regression and 0 on noise', async () => {
    expect((await capture(['compare', BASE_RUN, CURRENT_RUN, '--root', QA_ROOT, '--fail-on', 'regression'])).code).toBe(1);
    const noise = await capture(['compare', NOISE_RUN, BASE_RUN, '--root', QA_ROOT, '--fail-on', 'regression']);
    expect(noise.code).toBe(0);
    expect(noise.out).toContain('0 significant regressions, 0 significant improvements');
    // The improvement the other way round is not a regression either.
    expect((await capture(['compare', CURRENT_RUN, BASE_RUN, '--root', QA_ROOT, '--fail-on', 'regression'])).code).toBe(0);
  });

  it('writes Markdown for a pull-request comment, and JSON', async () => {
    const md = await capture(['compare', 'previous', 'latest', '--root', QA_ROOT, '--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.out.split('\n')[0]).toBe(`### evalmatrix: qa_pipeline, \`${CURRENT_RUN}\` against \`${BASE_RUN}\``);
    expect(md.out).toContain('**1 significant regression, 0 significant improvements (paired tests, alpha 0.05)**');
    expect(md.out).toContain('| qa › model_regress | exact | pass rate | 0.833 | 0.167 | -0.667 | 12 | McNemar p=0.0215 (9 pass→fail, 1 fail→pass) | regression |');
    expect(md.out).toContain('- qa › model_regress · exact: pass→fail (9) s01, s02, s03, s04, s05, s06, s07, s08, s09; fail→pass (1) s11');
    const json = await capture(['compare', 'previous', 'latest', '--root', QA_ROOT, '--format', 'json']);
    const parsed = JSON.parse(json.out);
    expect(parsed).toMatchObject({ regressions: 1, improvements: 0, baseline: { run_id: BASE_RUN }, current: { run_id: CURRENT_RUN } });
  });

  it('takes run folders from elsewhere (a baseline downloaded from another job)', async () => {
    const baselineFolder = path.join(QA_ROOT, 'model_regress', 'qa', BASE_RUN);
    const r = await capture(['compare', baselineFolder, 'latest', '--root', QA_ROOT, '--fail-on', 'regression']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('McNemar p=0.0215');
  });

  it('exits 2 with the reason when a run cannot be found', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'em-cmp-'));
    const none = await capture(['compare', 'previous', 'latest', '--root', empty]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/baseline: no runs under .*em-cmp-.*run the evals first/);
    const unknown = await capture(['compare', 'nope', 'latest', '--root', QA_ROOT]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('baseline: "nope" is not a run: give a run id, a run folder, latest or previous.');
    vi.stubEnv('EVALMATRIX_OUTPUT_DIR', RUNS_DIR);
    const ambiguous = await capture(['compare', 'previous', 'latest']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain('several pipelines hold runs');
    expect((await capture(['compare', 'previous', 'latest', '--format', 'xml'])).code).toBe(1);
  });
});

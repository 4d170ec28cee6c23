// `evalmatrix report`: the file it writes, what it says about what it skipped, its size cap.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BASE_RUN, BROKEN_ROOT, BROKEN_RUN, copyOf, CURRENT_RUN, QA_ROOT, reportData, reportSamples, RUNS_DIR } from '../report/fixture-runs.js';
import { capture } from './capture.js';

afterEach(() => vi.unstubAllEnvs());

const read = (file: string): string => readFileSync(file, 'utf8');

describe('evalmatrix report', () => {
  it("writes <root>/report.html for the pipeline's latest run, every case in it", async () => {
    const root = copyOf(QA_ROOT);
    const r = await capture(['report', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(new RegExp(`^wrote .*qa_pipeline/report\\.html \\(run ${CURRENT_RUN}, 4 cases, \\d+ KB\\)$`));
    const data = reportData(read(path.join(root, 'report.html')));
    expect(data).toMatchObject({ pipeline: 'qa_pipeline', run_id: CURRENT_RUN, problems: [], comparison: null });
    expect(data.cases.map((c) => c.label)).toEqual(['qa › model_new', 'qa › model_noise', 'qa › model_regress', 'qa › model_shuffled']);
    const regress = data.cases[2]!;
    expect(regress).toMatchObject({ status: 'failed', sample_total: 12, samples_embedded: 12, events_href: `model_regress/qa/${CURRENT_RUN}/events.jsonl` });
    expect(regress.status_counts).toEqual({ error: 2, failed: 8, passed: 2, unscored: 0 });
    expect(regress.metrics).toEqual([{ metric_id: 'exact', mean: 0.2, count: 10, ci95: [0, 0.4613] }]);
    expect(regress.summary?.cost_usd).toMatchObject({ total: 0.0012 });
  });

  it('adds the comparison with --baseline and links events.jsonl relative to --out', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'em-out-')), 'nested', 'r.html');
    const r = await capture(['report', '--root', QA_ROOT, '--out', out, '--baseline', 'previous']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`; against ${BASE_RUN}: 1 significant regression, 0 significant improvements (paired tests, alpha 0.05))`);
    const data = reportData(read(out));
    expect(data.comparison).toMatchObject({ regressions: 1, baseline: { run_id: BASE_RUN } });
    const href = data.cases[2]!.events_href!;
    expect(path.resolve(path.dirname(out), href)).toBe(path.join(QA_ROOT, 'model_regress', 'qa', CURRENT_RUN, 'events.jsonl'));
  });

  it('reports a corrupt summary.json and a truncated events.jsonl with their paths, and the rest', async () => {
    const root = copyOf(BROKEN_ROOT);
    const r = await capture(['report', '--root', root]);
    expect(r.code).toBe(0);
    const corrupt = `m_corrupt/t/${BROKEN_RUN}/summary.json: skipped, invalid JSON`;
    const truncated = `m_truncated/t/${BROKEN_RUN}/events.jsonl: line 7 skipped: truncated or invalid JSON`;
    expect(r.err).toContain(corrupt);
    expect(r.err).toContain('the case is shown from its events.jsonl');
    expect(r.err).toContain(truncated);
    expect(r.out).toContain('3 cases');
    const html = read(path.join(root, 'report.html'));
    const data = reportData(html);
    expect(data.problems).toHaveLength(2);
    expect(data.problems.some((p) => p.includes(corrupt))).toBe(true);
    expect(data.problems.some((p) => p.includes(truncated))).toBe(true);
    const [corruptCase, okCase, truncatedCase] = data.cases;
    expect(corruptCase).toMatchObject({ model: 'm_corrupt', task_id: 't', status: 'summary unreadable', sample_total: 3, summary: null });
    expect(corruptCase!.metrics).toEqual([{ metric_id: 'exact', mean: 2 / 3, count: 3, ci95: null }]);
    expect(okCase).toMatchObject({ status: 'passed', sample_total: 2 });
    // The cut line was x03's score: x03 is there, unscored.
    expect(truncatedCase).toMatchObject({ status: 'passed', sample_total: 3, status_counts: { passed: 2, unscored: 1, failed: 0, error: 0 } });
  });

  it('says there is nothing to report for a folder without runs, or a missing one', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'em-empty-'));
    const r = await capture(['report', '--root', empty]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/evalmatrix report: no runs under .*em-empty-.*run the evals first \(npx vitest run evals\/\)/);
    expect(existsSync(path.join(empty, 'report.html'))).toBe(false);
    const missing = await capture(['report', '--root', '/nonexistent/evalmatrix-runs/p']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('/nonexistent/evalmatrix-runs/p does not exist');
    vi.stubEnv('EVALMATRIX_OUTPUT_DIR', empty);
    expect((await capture(['report'])).err).toMatch(/no runs under .*em-empty-/);
  });

  it('without --root writes one report per pipeline under the output root', async () => {
    const runs = path.dirname(copyOf(QA_ROOT));
    copyOf(BROKEN_ROOT); // another temp dir: not under `runs`
    vi.stubEnv('EVALMATRIX_OUTPUT_DIR', runs);
    const r = await capture(['report']);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(runs, 'qa_pipeline', 'report.html'))).toBe(true);
    vi.stubEnv('EVALMATRIX_OUTPUT_DIR', RUNS_DIR);
    const two = await capture(['report', '--out', path.join(runs, 'x.html')]);
    expect(two.code).toBe(1);
    expect(two.err).toContain('--out names one file, but 2 pipelines hold runs; pass --root runs/<pipeline> too.');
  });

  it('caps the samples per case, errored first, then failed, and says how many it carries', async () => {
    const root = copyOf(QA_ROOT);
    expect((await capture(['report', '--root', root, '--max-samples', '3'])).code).toBe(0);
    const html = read(path.join(root, 'report.html'));
    const data = reportData(html);
    expect(data.cases[2]).toMatchObject({ sample_total: 12, samples_embedded: 3 });
    expect(reportSamples(html, 2).map((s) => [s.key, s.status])).toEqual([['s09', 'error'], ['s12', 'error'], ['s01', 'failed']]);
    expect(data.limits.maxSamplesPerCase).toBe(3);
    // A byte budget: about 1 kB per case leaves room for one sample or none.
    expect((await capture(['report', '--root', root, '--max-mb', '0.004'])).code).toBe(0);
    const tight = reportData(read(path.join(root, 'report.html')));
    expect(tight.cases[2]!.samples_embedded).toBeLessThan(3);
    expect((await capture(['report', '--root', root, '--max-samples', '0'])).err).toContain('expected a positive number');
  });

  it('keeps markup in replies out of the page structure: no </script> from the data reaches the file', async () => {
    const root = copyOf(QA_ROOT);
    await capture(['report', '--root', root]);
    const html = read(path.join(root, 'report.html'));
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).toContain('\\u003cscript>window.__pwned2=1\\u003c/script>');
    const s03 = reportSamples(html, 2).find((s) => s.key === 's03')!;
    expect(s03.inferences[0]!.text).toBe('<img src=x onerror="window.__pwned=1"><script>window.__pwned2=1</script></script><b>bold</b>');
  });
});

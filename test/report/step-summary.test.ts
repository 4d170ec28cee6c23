// The run as Markdown for a CI job summary: the matrix, each case that did not pass with its
// reasons and top errors, the comparison when there is a baseline; user text cannot break out.
import { describe, expect, it } from 'vitest';
import { stepSummaryMarkdown } from '../../src/report/ci/step-summary.js';
import { compareRuns } from '../../src/report/compare/compare-runs.js';
import { scanRun } from '../../src/report/read/scan-run.js';
import { reportSummarySchema, type ReportSummary } from '../../src/report/read/summary-view.js';
import { SUMMARY } from '../cli/summary-fixture.js';
import { BASE_RUN, CURRENT_RUN, QA_ROOT } from './fixture-runs.js';

function summary(model: string, task: string, extra: Partial<ReportSummary> = {}): ReportSummary {
  return { ...reportSummarySchema.parse({ ...SUMMARY, run: { ...SUMMARY.run, model, task_id: task } }), ...extra };
}

describe('the job summary', () => {
  it('shows the matrix, the totals with the cost, and why each case that did not pass did not', () => {
    const md = stepSummaryMarkdown({
      pipeline: 'piqa',
      run_id: '20261129-150000-abc123',
      summaries: [
        summary('openai', 'piqa', { cost_usd: { total: 0.0012, dut: 0.001, judge: 0.0002, prices_as_of: '2026-11-29' } }),
        summary('anthropic', 'piqa', {
          status: 'failed',
          cost_usd: null,
          reasons: ['20 of 20 samples failed (error budget: max_errors 0); by kind (each a sample_error in events.jsonl):\n      20 × connection refused: connect ECONNREFUSED 127.0.0.1:18081 (gave up after 7 attempts)'],
        }),
        summary('gemini', 'piqa', { status: 'skipped', reasons: ['gemini: no API key; set GOOGLE_API_KEY or GEMINI_API_KEY | <b>'] }),
      ],
      comparison: null,
      problems: [],
    });
    expect(md).toBe(
      [
        '## evalmatrix: piqa, run `20261129-150000-abc123`',
        '',
        '3 cases: 1 passed, 1 failed, 1 skipped · cost $0.0012 (2 cases without a known price not included)',
        '',
        '| task \\ model | anthropic | gemini | openai |',
        '| --- | --- | --- | --- |',
        '| piqa | ❌ acc 0.500 | ⏭️ acc 0.500 | ✅ acc 0.500 |',
        '',
        '### Did not pass',
        '',
        '- **piqa › anthropic** failed',
        '  - 20 of 20 samples failed (error budget: max_errors 0); by kind (each a sample_error in events.jsonl):',
        '    - 20 × connection refused: connect ECONNREFUSED 127.0.0.1:18081 (gave up after 7 attempts)',
        '- **piqa › gemini** skipped',
        '  - gemini: no API key; set GOOGLE_API_KEY or GEMINI_API_KEY \\| &lt;b>',
        '',
        '',
      ].join('\n'),
    );
  });

  it('ends with the comparison against the baseline, as compare --format markdown writes it', async () => {
    const [base, current] = await Promise.all([scanRun(QA_ROOT, BASE_RUN), scanRun(QA_ROOT, CURRENT_RUN)]);
    const comparison = compareRuns(base, current);
    const summaries = current.cases.flatMap((c) => (c.summary ? [c.summary] : []));
    const md = stepSummaryMarkdown({ pipeline: 'qa_pipeline', run_id: CURRENT_RUN, summaries, comparison, problems: ['runs/x/summary.json: skipped, invalid JSON'] });
    expect(md).toContain(`### evalmatrix: qa_pipeline, \`${CURRENT_RUN}\` against \`${BASE_RUN}\``);
    expect(md).toContain('**1 significant regression');
    expect(md).toContain('- runs/x/summary.json: skipped, invalid JSON');
  });
});

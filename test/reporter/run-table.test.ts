// The end-of-run table and what is printed under it: a pipeline column when more than one
// pipeline ran, a cost column when costs are known, `—` for a metric nothing was scored by, why
// each case that did not pass did not, and the models without a price named once per run.
import { describe, expect, it } from 'vitest';
import { endOfRunText, unpricedLine, whyLines } from '../../src/reporter/run-notes.js';
import { metricCell, runTable, summaryRow, tableColumns, TABLE_COLUMNS } from '../../src/reporter/table.js';
import { summarySchema, type Summary } from '../../src/runner/summary.js';
import { SUMMARY } from '../cli/summary-fixture.js';

const base = summarySchema.parse(SUMMARY);
function summary(change: { pipeline?: string; model?: string; task?: string } & Partial<Summary> = {}): Summary {
  const { pipeline = 'p', model = 'm', task = 't', ...rest } = change;
  return { ...base, ...rest, run: { ...base.run, model, task_id: task, metadata: { ...base.run.metadata, pipeline } } };
}
const COST = { total: 0.000912, dut: 0.0009, judge: 0.000012, prices_as_of: '2026-11-29' };

describe('the end-of-run table', () => {
  it('keeps its columns for a run of one pipeline without costs', () => {
    const s = summary();
    expect(tableColumns([s])).toEqual([...TABLE_COLUMNS]);
    expect(summaryRow(s)).toEqual(['m', 't', '2', 'acc=0.50000', '0', '1 ms', 'passed']);
  });

  it('shows — for a metric no sample was scored by, not 0.00000', () => {
    const none = { metric_id: 'judge', aggregation: 'mean' as const, values: { acc: '0.00000' }, raw_values: { acc: 0 }, count: 0 };
    expect(metricCell([...base.metrics, none])).toBe('acc=0.50000 judge=—');
  });

  it('adds a cost column when a case knows its cost: dollars, "unknown" without a price, "-" for a case that did not run', () => {
    const rows = [summary({ model: 'a', cost_usd: COST }), summary({ model: 'b', cost_usd: null }), summary({ model: 'c', status: 'skipped' })];
    const columns = tableColumns(rows);
    expect(columns).toEqual(['model', 'task', 'samples', 'metric', 'errors', 'p50 latency', 'cost', 'status']);
    expect(rows.map((s) => summaryRow(s, columns)[6])).toEqual(['$0.000912', 'unknown', '-']);
  });

  it('adds a pipeline column first when more than one pipeline ran, and orders rows by pipeline, model, task', () => {
    const rows = [summary({ pipeline: 'zeta', model: 'a' }), summary({ pipeline: 'alpha', model: 'b', task: 't2' }), summary({ pipeline: 'alpha', model: 'b', task: 't1' })];
    expect(tableColumns(rows)[0]).toBe('pipeline');
    expect(runTable(rows).split('\n').slice(2).map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual(['alpha b t1', 'alpha b t2', 'zeta a t']);
  });

  it('says under the table why each case that did not pass did not, one line each', () => {
    const skipped = summary({ model: 'be_anthropic', status: 'skipped', reasons: ['anthropic: no API key; set ANTHROPIC_API_KEY (or run in mock mode, EVALMATRIX_MODE=mock)'] });
    const failed = summary({ model: 'be_openai', status: 'failed', reasons: ['3 of 3 samples failed (error budget: max_errors 0); by kind (each a sample_error in events.jsonl):\n      3 × connection refused: …'] });
    expect(whyLines([failed, summary(), skipped])).toEqual([
      '  t › be_anthropic skipped: anthropic: no API key; set ANTHROPIC_API_KEY (or run in mock mode, EVALMATRIX_MODE=mock)',
      '  t › be_openai failed: 3 of 3 samples failed (error budget: max_errors 0); by kind (each a sample_error in events.jsonl): (more in its summary.json)',
    ]);
  });

  it('names the models without a price once for the whole run, however many cases they priced', () => {
    const unpriced = ['grader (openai/grader-mini), judge grader'];
    const cases = [summary({ model: 'a', cost_usd: null, cost_unpriced: unpriced }), summary({ model: 'b', cost_usd: null, cost_unpriced: unpriced }), summary({ model: 'c', cost_usd: COST })];
    expect(unpricedLine(cases)).toBe('evalmatrix: no known price for grader (openai/grader-mini), judge grader, so 2 cases have no cost (cost_usd null); give its backend a price: (README "Cost")');
    expect(unpricedLine([summary({ cost_usd: COST })])).toBeUndefined();
    const printed = endOfRunText(cases, true);
    expect(printed.filter((text) => text.includes('no known price'))).toHaveLength(1);
    expect(endOfRunText(cases, false)).toEqual([unpricedLine(cases)]);
  });
});

// The end-of-run table: unchanged without recordings; with them, a `cached` column of the answers
// replayed, and no latency claimed for a case whose every answer was replayed.
import { describe, expect, it } from 'vitest';
import { renderTable, summaryRow, tableColumns } from '../../src/reporter/table.js';
import { summarySchema, type Summary } from '../../src/runner/summary.js';
import { SUMMARY } from '../cli/summary-fixture.js';

const base = summarySchema.parse(SUMMARY);
const at = (latency: number, extra: Partial<Summary> = {}): Summary => ({
  ...base,
  ...extra,
  run: { ...base.run, timings: { ...base.run.timings, latency_ms: { mean: latency, p50: latency, p95: latency, p99: latency } } },
});

describe('the console table', () => {
  it('has no cached column when no case had recordings on', () => {
    const summaries = [at(12)];
    expect(tableColumns(summaries)).toEqual(['model', 'task', 'samples', 'metric', 'errors', 'p50 latency', 'status']);
    expect(summaryRow(summaries[0]!)).toEqual(['m', 't', '2', 'acc=0.50000', '0', '12 ms', 'passed']);
  });

  it('shows the replayed answers, and "-" for a case without recordings, beside the samples', () => {
    const summaries = [at(0, { cached_count: 2 }), at(40, { cached_count: 1 }), at(12)];
    const columns = tableColumns(summaries);
    expect(columns).toEqual(['model', 'task', 'samples', 'cached', 'metric', 'errors', 'p50 latency', 'status']);
    const rows = summaries.map((s) => summaryRow(s, columns));
    expect(rows.map((r) => [r[3], r[6]])).toEqual([
      ['2', '- (replayed)'],
      ['1', '40 ms'],
      ['-', '12 ms'],
    ]);
    expect(renderTable(rows, columns).split('\n')[0]).toMatch(/^model\s+task\s+samples\s+cached\s+metric\s+errors\s+p50 latency\s+status$/);
  });
});

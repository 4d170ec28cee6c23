// A minimal valid summary.json for the collect tests, and a pipeline folder holding some.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SUMMARY = {
  run: {
    run_id: '20261122-000001-aaaaaa',
    run_dir: 'm/t/20261122-000001-aaaaaa',
    task_id: 't',
    model: 'm',
    timings: { started_at: 'x', ended_at: 'y', wall_ms: 1, latency_ms: { mean: 1, p50: 1, p95: 1, p99: 1 } },
    metadata: { pipeline: 'p', mode: 'mock', backends: [{ backend_id: 'm', provider: 'openai', model: 'g', api_base: 'http://127.0.0.1:18080/v1' }] },
  },
  metrics: [{ metric_id: 'acc', aggregation: 'mean', values: { acc: '0.50000' }, raw_values: { acc: 0.5 }, count: 2 }],
  sample_count: 2,
  error_count: 0,
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  status: 'passed',
  thresholds: [],
};

/** runs/p/<model>/t/<run_id>/summary.json for each [model, run_id]; returns the pipeline folder. */
export function pipelineWithSummaries(runs: ReadonlyArray<readonly [model: string, runId: string]>): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'em-cli-runs-')), 'p');
  for (const [model, runId] of runs) {
    const dir = path.join(root, model, 't', runId);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'summary.json'), JSON.stringify({ ...SUMMARY, run: { ...SUMMARY.run, model, run_id: runId, run_dir: `${model}/t/${runId}` } }));
  }
  return root;
}

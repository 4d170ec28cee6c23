import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectIndex, pipelineRoots, writeIndex } from '../../src/reporter/collect-index.js';
import type { Summary } from '../../src/runner/summary.js';

function summary(model: string, task: string, runId: string, acc: number): Summary {
  return {
    run: {
      run_id: runId,
      run_dir: `${model}/${task}/${runId}`,
      task_id: task,
      model,
      timings: { started_at: '2026-11-22T03:15:00.000Z', ended_at: '2026-11-22T03:15:01.000Z', wall_ms: 1000, latency_ms: { mean: 1, p50: 1, p95: 2, p99: 2 } },
      metadata: { pipeline: 'p', mode: 'mock', backends: [{ backend_id: model, provider: 'openai', model: 'gpt', api_base: 'http://127.0.0.1:18080/v1' }] },
    },
    metrics: [{ metric_id: 'acc', aggregation: 'mean', values: { acc: acc.toFixed(5) }, raw_values: { acc }, count: 4 }],
    sample_count: 4,
    error_count: 0,
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    status: 'passed',
    thresholds: [],
    reasons: [],
  };
}

function put(root: string, s: Summary): void {
  const dir = path.join(root, s.run.model, s.run.task_id, s.run.run_id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(s));
}

describe('collectIndex', () => {
  it('lists every summary sorted by (model, task_id, run_id), skipping a malformed one with a report', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'em-index-'));
    put(root, summary('zeta', 't1', '20261122-000002-bbbbbb', 0.5));
    put(root, summary('alpha', 't2', '20261122-000001-aaaaaa', 0.25));
    put(root, summary('alpha', 't1', '20261122-000003-cccccc', 1));
    put(root, summary('alpha', 't1', '20261122-000001-aaaaaa', 0));
    const broken = path.join(root, 'alpha', 't3', '20261122-000001-aaaaaa');
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, 'summary.json'), '{"run": ');

    const { index, problems } = collectIndex(root, { label: 'runs/p' });
    expect(index.root).toBe('runs/p');
    expect(index.count).toBe(4);
    expect(index.items.map((i) => `${i.model}/${i.task_id}/${i.run_id}`)).toEqual([
      'alpha/t1/20261122-000001-aaaaaa',
      'alpha/t1/20261122-000003-cccccc',
      'alpha/t2/20261122-000001-aaaaaa',
      'zeta/t1/20261122-000002-bbbbbb',
    ]);
    expect(index.items[0]).toMatchObject({
      path: 'alpha/t1/20261122-000001-aaaaaa/summary.json',
      sample_count: 4,
      backends: ['alpha'],
      status: 'passed',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/alpha\/t3\/20261122-000001-aaaaaa\/summary\.json: skipped, invalid JSON/);
  });

  it('rebuilding twice writes the same file', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'em-index-'));
    put(root, summary('m', 't', '20261122-000001-aaaaaa', 0.5));
    const first = writeIndex(root, { label: 'runs/p' });
    const a = readFileSync(first.file, 'utf8');
    writeIndex(root, { label: 'runs/p' });
    expect(readFileSync(first.file, 'utf8')).toBe(a);
    // The index itself is not mistaken for a summary.
    expect(JSON.parse(a).count).toBe(1);
  });

  it('finds the pipeline folders that hold summaries', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'em-out-'));
    put(path.join(out, 'p1'), summary('m', 't', '20261122-000001-aaaaaa', 0.5));
    mkdirSync(path.join(out, 'empty', 'x'), { recursive: true });
    expect(pipelineRoots(out).map((p) => path.basename(p))).toEqual(['p1']);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

function capture(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const summary = {
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

describe('evalmatrix collect', () => {
  it('rebuilds the index and prints the table', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'em-cli-'));
    const dir = path.join(root, 'm', 't', '20261122-000001-aaaaaa');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(summary));
    const r = capture(['collect', '--root', root]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/m\s+t\s+2\s+acc=0\.50000\s+0\s+20261122-000001-aaaaaa\s+passed/);
    const index = JSON.parse(readFileSync(path.join(root, 'summary.index.json'), 'utf8'));
    expect(index).toMatchObject({ count: 1, items: [{ model: 'm', task_id: 't', path: 'm/t/20261122-000001-aaaaaa/summary.json' }] });
  });

  it('exits 1 with a clear message for a missing root, an empty root, or no --root', () => {
    const missing = capture(['collect', '--root', '/nonexistent/evalmatrix-runs']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('/nonexistent/evalmatrix-runs does not exist');
    const empty = capture(['collect', '--root', mkdtempSync(path.join(tmpdir(), 'em-cli-'))]);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('no summary.json under');
    const noRoot = capture(['collect']);
    expect(noRoot.code).toBe(1);
    expect(noRoot.err).toContain('--root is required');
    expect(capture(['collect', '--help']).code).toBe(0);
    expect(capture(['frobnicate']).err).toContain('unknown command "frobnicate"');
  });
});

// Real Vitest on a fixture eval project: the files it leaves, the exit code, the messages.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseDirs, PIPELINE, readEvents, readSummary, runFixture } from './fixture-run.js';

const SECRET = 'sk-evalmatrix-test-secret-0123456789abcdef';

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('vitest run on a fixture suite', () => {
  it('writes events, summaries and the index as ARTIFACTS.md says, and exits 0', async () => {
    const run = await runFixture({ OPENAI_API_KEY: SECRET });
    expect(run.output).toContain('2 passed');
    expect(run.code).toBe(0);

    const dirs = caseDirs(run.outDir);
    expect(dirs.map((d) => path.relative(path.join(run.outDir, PIPELINE), d).split(path.sep).slice(0, 2).join('/'))).toEqual([
      'be_anthropic/mini_task',
      'be_openai/mini_task',
    ]);
    const runIds = dirs.map((d) => path.basename(d));
    expect(runIds[0]).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
    expect(runIds[1]).toBe(runIds[0]); // one run id for every case of the run

    for (const dir of dirs) {
      const events = readEvents(dir);
      expect(events.map((e) => e.event_id)).toEqual(events.map((_, i) => i + 1));
      expect(new Set(events.map((e) => e.run_id))).toEqual(new Set([runIds[0]]));
      expect(events[0]!.event).toBe('case_start');
      expect(events.at(-1)!.event).toBe('case_end');
      const count = (name: string) => events.filter((e) => e.event === name).length;
      // rows.jsonl: 8 good rows and one malformed row (line 5).
      expect(count('inference_end')).toBe(8);
      expect(count('auto_eval_sample')).toBe(8);
      const errors = events.filter((e) => e.event === 'sample_error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.payload).toMatchObject({ stage: 'dataset' });
      expect(errors[0]!.sample_id).toBe('piqa-0005');
      expect((errors[0]!.payload as { message: string }).message).toMatch(/rows\.jsonl:5: /);
      const inference = events.find((e) => e.event === 'inference_end')!;
      expect(inference.payload).toMatchObject({ attempts: 1, finish_reason: expect.any(String) });
      expect((inference.payload as { text: string }).text).toContain('Question: How do you keep item');

      const summary = readSummary(dir);
      expect(summary).toMatchObject({
        sample_count: 9,
        error_count: 1,
        status: 'passed',
        run: { run_id: runIds[0], task_id: 'mini_task', metadata: { pipeline: PIPELINE, mode: 'mock' } },
      });
      expect(summary.run.run_dir).toBe(path.relative(path.join(run.outDir, PIPELINE), dir).split(path.sep).join('/'));
      expect(summary.metrics[0]).toMatchObject({ metric_id: 'acc', count: 8, aggregation: 'mean' });
      expect(summary.metrics[0]!.values.acc).toBe(summary.metrics[0]!.raw_values.acc!.toFixed(5));
      expect(summary.usage.total_tokens).toBe(summary.usage.prompt_tokens + summary.usage.completion_tokens);
      expect(summary.usage.prompt_tokens).toBeGreaterThan(0);
    }

    const index = JSON.parse(readFileSync(path.join(run.outDir, PIPELINE, 'summary.index.json'), 'utf8'));
    expect(index.count).toBe(2);
    expect(index.items.map((i: { model: string }) => i.model)).toEqual(['be_anthropic', 'be_openai']);
    expect(index.items[1]).toMatchObject({ task_id: 'mini_task', run_id: runIds[0], backends: ['be_openai'], sample_count: 9 });

    // The table is printed at the end of the run.
    expect(run.output).toMatch(/model\s+task\s+samples\s+metric\s+errors\s+p50 latency\s+cost\s+status/);
    expect(run.output).toMatch(/be_openai\s+mini_task\s+9\s+acc=\d\.\d{5}\s+1\s+\d+ ms\s+\$0\.\d+\s+passed/);

    // No secret in any artifact, nor in the console.
    for (const file of allFiles(run.outDir)) expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    expect(run.output).not.toContain(SECRET);
  });

  it('fails a case under its threshold with a readable message, exits 1 and records status failed', async () => {
    const run = await runFixture({ MINI_MIN_ACC: '1.5' });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/mini_task › be_openai failed:\n\s+- acc = \d\.\d{5} is below the threshold 1\.5/);
    for (const dir of caseDirs(run.outDir)) {
      const summary = readSummary(dir);
      expect(summary.status).toBe('failed');
      expect(summary.thresholds).toEqual([{ metric_id: 'acc', min: 1.5, actual: expect.any(Number), ok: false }]);
    }
    const index = JSON.parse(readFileSync(path.join(run.outDir, PIPELINE, 'summary.index.json'), 'utf8'));
    expect(index.items.map((i: { status: string }) => i.status)).toEqual(['failed', 'failed']);
  });

  it('fails when more samples error than max_errors allows', async () => {
    // broken.jsonl: three rows, each bad in its own way; max_errors is 1.
    const run = await runFixture({ MINI_ROWS: 'broken.jsonl' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('samples failed (error budget: max_errors 1)');
  });

  it('reports a config error with file, line and YAML path, and runs nothing', async () => {
    const run = await runFixture({ MINI_CONCURRENCY: 'lots' });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/mini\.yaml:\d+:\d+ tasks\[0\]\.concurrency: /);
    expect(caseDirs(run.outDir)).toEqual([]);
  });

  it('live mode skips a case whose key is missing, naming the variable, and records it as skipped (outside CI)', async () => {
    const run = await runFixture({ EVALMATRIX_MODE: 'live', OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '', CI: '' });
    expect(run.code).toBe(0);
    expect(run.output).toContain('2 skipped');
    const dirs = caseDirs(run.outDir);
    expect(dirs).toHaveLength(2);
    const reasons = dirs.map((d) => readSummary(d)).map((s) => [s.status, s.reasons.join(' ')]);
    expect(reasons).toEqual([
      ['skipped', expect.stringContaining('ANTHROPIC_API_KEY')],
      ['skipped', expect.stringContaining('OPENAI_API_KEY')],
    ]);
    const index = JSON.parse(readFileSync(path.join(run.outDir, PIPELINE, 'summary.index.json'), 'utf8'));
    expect(index.items.map((i: { status: string }) => i.status)).toEqual(['skipped', 'skipped']);
  });

  it('keeps writing its files when the command line picks other reporters', async () => {
    const run = await runFixture({ MINI_MAX_SAMPLES: '2' }, ['--reporter=dot']);
    expect(run.code).toBe(0);
    expect(caseDirs(run.outDir)).toHaveLength(2);
    expect(JSON.parse(readFileSync(path.join(run.outDir, PIPELINE, 'summary.index.json'), 'utf8')).count).toBe(2);
  });
});

// What CI sees, under real Vitest on test/fixtures/ci-suite: each case's cost in summary.json,
// the table and JUnit; the job summary; a live run against a dead port that fails within
// seconds of its first retries, saying why on the console; a missing key failing the run in CI
// unless the backend says `on_missing_key: skip`; and shards merged into one index and report.
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportData } from '../report/fixture-runs.js';
import { runCli } from '../cli/built-cli.js';
import { caseDirs, freshOutDir, readSummary, runFixture } from './fixture-run.js';

const DIR = fileURLToPath(new URL('../fixtures/ci-suite/', import.meta.url));
const PIPELINE = 'ci_pipeline';
const CI_ONLY = ['ci.eval.ts'];

/** A port nothing listens on: one the system just handed out and took back. */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const caseOf = (outDir: string, task: string, pipeline = PIPELINE): string => caseDirs(outDir, pipeline).find((d) => d.includes(`${path.sep}${task}${path.sep}`))!;

describe('the ci suite offline', () => {
  it('prices each case by role, shows the cost in the table and JUnit, and appends the run to the job summary', async () => {
    const outDir = freshOutDir();
    const junit = path.join(outDir, 'junit.xml');
    const stepSummary = path.join(outDir, 'step-summary.md');
    const run = await runFixture({ GITHUB_STEP_SUMMARY: stepSummary }, ['--reporter=default', '--reporter=junit', `--outputFile.junit=${junit}`], DIR, outDir);
    expect(run.code, run.output).toBe(0);

    const summary = readSummary(caseOf(outDir, 'capitals'));
    const { dut, judge } = summary.usage_by_role!;
    expect(dut.prompt_tokens).toBeGreaterThan(0);
    expect(judge.prompt_tokens).toBeGreaterThan(0);
    // gpt-4o-mini at the table's $0.15 / $0.60 per million; the grader at its own price: $1 / $4.
    const model = (dut.prompt_tokens * 0.15 + dut.completion_tokens * 0.6) / 1e6;
    const grader = (judge.prompt_tokens * 1 + judge.completion_tokens * 4) / 1e6;
    expect(summary.cost_usd!.dut).toBeCloseTo(model, 9);
    expect(summary.cost_usd!.judge).toBeCloseTo(grader, 9);
    expect(summary.cost_usd!.total).toBeCloseTo(model + grader, 9);
    expect(summary.cost_usd!.prices_as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    expect(run.output).toMatch(/model\s+task\s+samples\s+metric\s+errors\s+p50 latency\s+cost\s+status/);
    expect(run.output).toMatch(/model\s+capitals\s+6\s+exact=0\.00000 graded=0\.16667\s+0\s+\d+ ms\s+\$0\.000\d+\s+passed/);

    const xml = readFileSync(junit, 'utf8');
    const testcase = /<testcase [^>]*name="ci_pipeline &gt; capitals › model"[^>]*>([\s\S]*?)<\/testcase>/.exec(xml)![1]!;
    expect(testcase).toContain('<property name="evalmatrix.exact.acc" value="0.00000">');
    expect(testcase).toContain('<property name="evalmatrix.graded.acc" value="0.16667">');
    expect(testcase).toContain('<property name="evalmatrix.samples" value="6">');
    expect(testcase).toContain(`<property name="evalmatrix.cost_usd" value="${summary.cost_usd!.total}">`);

    const md = readFileSync(stepSummary, 'utf8');
    expect(md).toMatch(new RegExp(`^## evalmatrix: ci_pipeline, run \`${summary.run.run_id}\`\\n\\n2 cases: 2 passed · cost \\$0\\.000\\d+\\n`));
    expect(md).toContain('| capitals | ✅ exact 0.000 (+1) |');
    expect(md).toContain('| echoes | ✅ exact 0.000 |');
    expect(md).not.toContain('Did not pass');
  });
});

describe('a live run against a dead endpoint', () => {
  it('fails within seconds of the first retries, with the retries and the cause on the console', async () => {
    const port = await unusedPort();
    const run = await runFixture(
      { EVALMATRIX_MODE: 'live', CI_SUITE_KEY: 'sk-fake-not-a-key', MODEL_BASE: `http://127.0.0.1:${port}/v1`, MODEL_RETRIES: '2', MODEL_RETRY_SLEEP: '0.2' },
      CI_ONLY,
      DIR,
    );
    // The deadline is the test's timeout; what proves "fast" is that the case stopped after the
    // first sample gave up (3 attempts) instead of retrying all six samples.
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(new RegExp(`evalmatrix: capitals › model: retrying model \\(connection refused: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\), attempt 1/3, waiting \\d+ ms; 1 retry so far`));
    expect(run.output).toContain(`stopped early: backend "model" could not be reached (connection refused: connect ECONNREFUSED 127.0.0.1:${port} (gave up after 3 attempts))`);
    expect(run.output).toMatch(new RegExp(`\\d+ × connection refused: connect ECONNREFUSED 127\\.0\\.0\\.1:${port} \\(gave up after 3 attempts\\)`));
    expect(run.output).not.toContain('sk-fake-not-a-key');
    const summary = readSummary(caseOf(run.outDir, 'capitals'));
    expect(summary.status).toBe('failed');
    // Two samples were in flight (concurrency 2) when the first gave up; the others never started.
    expect(summary.sample_count).toBeLessThanOrEqual(2);
    expect(summary.errors_by_kind?.[0]).toMatchObject({ kind: 'connection refused', stage: 'inference' });
  });
});

describe('a live case without its key', () => {
  const NO_KEY = { EVALMATRIX_MODE: 'live', CI_SUITE_KEY: '' };

  it('fails the run in CI, naming the variable and the way to skip it instead', async () => {
    const run = await runFixture({ ...NO_KEY, CI: 'true' }, CI_ONLY, DIR);
    expect(run.code, run.output).toBe(1);
    const reason = 'openai: no API key; set CI_SUITE_KEY (or run in mock mode, EVALMATRIX_MODE=mock). CI is set, so a live case without its key fails the run; to skip it instead, set on_missing_key: skip on backend "model"';
    expect(run.output).toContain(`MissingKeyFailure: capitals › model: ${reason}`);
    expect(run.output).toContain(`  capitals › model failed: ${reason}`);
    const summary = readSummary(caseOf(run.outDir, 'capitals'));
    expect(summary).toMatchObject({ status: 'failed', reasons: [reason] });
  });

  it('is skipped in CI when its backend says on_missing_key: skip', async () => {
    const run = await runFixture({ ...NO_KEY, CI: 'true', CI_SUITE_PIPELINE: './optional.yaml' }, CI_ONLY, DIR);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('1 skipped');
    expect(readSummary(caseDirs(run.outDir, 'ci_optional')[0]!).status).toBe('skipped');
  });

  it('stays a skip outside CI, and the end-of-run table says why', async () => {
    const run = await runFixture({ ...NO_KEY, CI: '' }, CI_ONLY, DIR);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('  capitals › model skipped: openai: no API key; set CI_SUITE_KEY (or run in mock mode, EVALMATRIX_MODE=mock)');
    expect(readSummary(caseOf(run.outDir, 'capitals')).status).toBe('skipped');
  });
});

describe('shards', () => {
  it('two shards under one EVALMATRIX_RUN_ID, merged by copying their folders, give one index and one report', async () => {
    const runId = '20261129-150000-c1a2b3';
    const shards = await Promise.all(
      ['1/2', '2/2'].map((shard) => runFixture({ EVALMATRIX_RUN_ID: runId, FIXTURE_REPORT: 'off' }, [`--shard=${shard}`], DIR)),
    );
    for (const shard of shards) {
      expect(shard.code, shard.output).toBe(0);
      expect(caseDirs(shard.outDir, PIPELINE)).toHaveLength(1);
    }
    const merged = path.join(freshOutDir(), 'runs');
    mkdirSync(merged);
    for (const shard of shards) cpSync(shard.outDir, merged, { recursive: true });
    const root = path.join(merged, PIPELINE);

    const collect = await runCli(['collect', '--root', root]);
    expect(collect.code, collect.stderr).toBe(0);
    expect(collect.stdout).toContain('(2 items)');
    const index = JSON.parse(readFileSync(path.join(root, 'summary.index.json'), 'utf8'));
    expect(index.items.map((i: { task_id: string; run_id: string }) => `${i.task_id}@${i.run_id}`)).toEqual([`capitals@${runId}`, `echoes@${runId}`]);

    const report = await runCli(['report', '--root', root]);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain(`(run ${runId}, 2 cases,`);
    const data = reportData(readFileSync(path.join(root, 'report.html'), 'utf8'));
    expect(data.cases.map((c) => c.label).sort()).toEqual(['capitals › model', 'echoes › model']);
    expect(existsSync(path.join(root, 'model', 'echoes', runId, 'events.jsonl'))).toBe(true);
  });
});

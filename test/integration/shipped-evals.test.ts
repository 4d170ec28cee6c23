// The shipped evals (evals/) as CI runs them: `vitest run evals/` from the repository root, for
// real, offline. Every built-in metric is scored in some shipped summary.json, the judge suite
// counts its judge's tokens apart from the model's, the chat suite sends its system prompt and
// few-shot turns, every pipeline gets its report, and README's "Two commands" says what runs.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUILTIN_METRICS } from '../../src/metrics/builtins.js';
import type { WrittenEvent } from '../../src/runner/events.js';
import { caseDirs, readEvents, readSummary, REPO_ROOT, runFixture, type FixtureRun } from './fixture-run.js';

const EVALS = path.join(REPO_ROOT, 'evals');

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

let run: FixtureRun;
let counts: VitestJson;

beforeAll(async () => {
  const report = path.join(mkdtempSync(path.join(tmpdir(), 'em-shipped-json-')), 'vitest.json');
  // The hub examples stay skipped and the mocks answer, whatever the developer's shell says.
  run = await runFixture({ EVALMATRIX_MODE: 'mock', EVALMATRIX_HUB_ONLINE: '0' }, ['evals/', '--project', 'evals', '--reporter=json', `--outputFile=${report}`], REPO_ROOT);
  counts = JSON.parse(readFileSync(report, 'utf8')) as VitestJson;
}, 300_000);

/** The pipeline folders the run wrote (the reporter's one per pipeline). */
const pipelines = (): string[] =>
  readdirSync(run.outDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** metric_id → implementation, from every YAML in evals/ (the matrix template included). */
function implementationsById(): Map<string, string> {
  const byId = new Map<string, string>();
  for (const file of readdirSync(EVALS).filter((f) => f.endsWith('.yaml'))) {
    const doc = parse(readFileSync(path.join(EVALS, file), 'utf8')) as { metrics?: Array<{ metric_id: string; implementation: string }> };
    for (const { metric_id, implementation } of doc.metrics ?? []) {
      const known = byId.get(metric_id);
      if (known !== undefined && known !== implementation) throw new Error(`evals/${file}: metric_id "${metric_id}" is ${implementation} here and ${known} elsewhere; give it another id`);
      byId.set(metric_id, implementation);
    }
  }
  return byId;
}

function onlyCase(pipeline: string): string {
  const dirs = caseDirs(run.outDir, pipeline);
  expect(dirs, pipeline).toHaveLength(1);
  return dirs[0]!;
}

function eventsNamed<E extends WrittenEvent['event']>(events: WrittenEvent[], name: E): Array<Extract<WrittenEvent, { event: E }>> {
  return events.filter((e): e is Extract<WrittenEvent, { event: E }> => e.event === name);
}

it('runs offline and exits 0, and every pipeline folder has its report.html', () => {
  expect(run.code, run.output).toBe(0);
  expect(counts.numFailedTests).toBe(0);
  expect(pipelines()).toEqual(expect.arrayContaining(['invoice_extraction', 'news_summaries', 'support_intents', 'word_problems']));
  for (const pipeline of pipelines()) expect(existsSync(path.join(run.outDir, pipeline, 'report.html')), pipeline).toBe(true);
});

it('scores every built-in metric in some shipped summary.json', () => {
  const byId = implementationsById();
  const scored = new Set<string>();
  for (const pipeline of pipelines()) {
    for (const dir of caseDirs(run.outDir, pipeline)) {
      for (const metric of readSummary(dir).metrics) {
        const implementation = byId.get(metric.metric_id);
        expect(implementation, `${dir}: metric ${metric.metric_id} is in no evals/*.yaml`).toBeDefined();
        if (metric.count > 0) scored.add(implementation!);
      }
    }
  }
  const unshipped = BUILTIN_METRICS.map((m) => m.name).filter((name) => !scored.has(name));
  expect(unshipped, 'built-in metrics no shipped eval scores: add them to a suite in evals/').toEqual([]);
});

it('records the judge apart from the model: its usage in each auto_eval_sample and usage_by_role.judge in the summary', () => {
  const dir = onlyCase('news_summaries');
  const events = readEvents(dir);
  const judged = eventsNamed(events, 'auto_eval_sample').filter((e) => e.payload.metric_id === 'keeps_key_point');
  expect(judged).toHaveLength(20);
  for (const { payload } of judged) {
    expect(payload.judge?.adapter_id).toBe('key_point_judge');
    expect(payload.judge?.usage?.prompt_tokens).toBeGreaterThan(0);
  }
  // The mocked judge follows the data: the lead sentence carries the key point on some stories only.
  expect(new Set(judged.map((e) => e.payload.judge?.choice))).toEqual(new Set(['Y', 'N']));

  const sum = (usages: Array<{ prompt_tokens: number; completion_tokens: number } | undefined>) =>
    usages.reduce((total, u) => total + (u?.prompt_tokens ?? 0) + (u?.completion_tokens ?? 0), 0);
  const { usage, usage_by_role } = readSummary(dir);
  expect(usage_by_role!.judge.total_tokens).toBeGreaterThan(0);
  expect(usage_by_role!.judge.total_tokens).toBe(sum(judged.map((e) => e.payload.judge?.usage)));
  expect(usage_by_role!.dut.total_tokens).toBe(sum(eventsNamed(events, 'inference_end').map((e) => e.payload.usage)));
  expect(usage_by_role!.dut).not.toEqual(usage_by_role!.judge);
  expect(usage.total_tokens).toBe(usage_by_role!.dut.total_tokens + usage_by_role!.judge.total_tokens);
});

it('sends the chat suite system prompt and few-shot turns before each message', () => {
  const config = parse(readFileSync(path.join(EVALS, 'support_intents.yaml'), 'utf8')) as { prompts: Array<{ params: { examples: Array<{ message: string; label: string }> } }> };
  const fewShot = config.prompts[0]!.params.examples.flatMap((e) => [
    { role: 'user', content: e.message },
    { role: 'assistant', content: e.label },
  ]);
  const rows = readFileSync(path.join(REPO_ROOT, 'fixtures', 'support_messages.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { id: string; message: string });
  const sent = eventsNamed(readEvents(onlyCase('support_intents')), 'inference_end');
  expect(sent).toHaveLength(rows.length);
  for (const { sample_id, payload } of sent) {
    const row = rows.find((r) => r.id === sample_id)!;
    expect(payload.messages).toEqual([
      { role: 'system', content: 'You route customer messages for an online shop. Reply with exactly one label: billing, shipping, returns, account, technical.' },
      ...fewShot,
      { role: 'user', content: row.message },
    ]);
  }
});

it("matches README's Two commands: the test counts and every pipeline folder", () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Two commands'), readme.indexOf('\n## ', readme.indexOf('## Two commands') + 1));
  expect(section).toContain(`runs ${counts.numPassedTests} tests`);
  expect(section).toContain(`skips ${counts.numPendingTests}`);
  for (const pipeline of pipelines()) expect(section, pipeline).toContain(`${pipeline}/`);
  for (const file of readdirSync(EVALS).filter((f) => f.endsWith('.eval.ts'))) expect(section, file).toContain(file);
});

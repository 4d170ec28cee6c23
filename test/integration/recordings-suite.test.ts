// Recordings end to end, through real Vitest runs of a fixture project in live mode against
// `evalmatrix mock serve` (a real HTTP server in a child process), a counting proxy in front:
// a run records; with the server stopped, EVALMATRIX_RECORD=replay gives the same scores with no
// request made; after a one-prompt edit, `auto` sends only that prompt's samples; and `replay`
// after another edit fails just the edited prompt's samples, naming hash and file. In watch mode
// recordings are on by default, so a rerun after an edit pays only for the edited prompt.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startCli, type RunningCli } from '../cli/built-cli.js';
import { startCountingProxy, type CountingProxy } from '../recordings/counting-proxy.js';
import { caseDirs, freshOutDir, readEvents, readSummary, runFixture, startFixture, waitFor } from './fixture-run.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/recordings-suite');
const PIPELINE = 'recorded_pipeline';
const KEY = 'sk-fixture-recordings-9f8e7d6c5b4a';
const PROVIDERS = ['openai', 'anthropic', 'gemini'] as const;

let proxy: CountingProxy;
let mockServe: RunningCli | undefined;
const copies: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  proxy = await startCountingProxy();
}, 180_000);

afterAll(async () => {
  stopMockServe();
  await proxy.close();
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

async function startMockServe(): Promise<void> {
  const cli = startCli(['mock', 'serve', '--only', PROVIDERS.join(',')], { env: { MOCK_OPENAI_PORT: '0', MOCK_ANTHROPIC_PORT: '0', MOCK_GEMINI_PORT: '0' } });
  mockServe = cli;
  await cli.waitFor('ready; Ctrl-C stops them');
  const origins = Object.fromEntries([...cli.stdout().matchAll(/^ {2}(\w+)\s+(http:\/\/127\.0\.0\.1:\d+)/gm)].map((m) => [m[1]!, m[2]!]));
  proxy.route(origins);
}

function stopMockServe(): void {
  mockServe?.process.kill('SIGKILL');
  mockServe = undefined;
  proxy.route({});
}

/** A private copy of the fixture project (its own evals/__recordings__), at the same depth. */
function copyFixture(): string {
  const copy = path.join(path.dirname(FIXTURE), `tmp-recordings-${process.pid}-${copies.length}`);
  cpSync(FIXTURE, copy, { recursive: true });
  copies.push(copy);
  return copy;
}

function liveEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    EVALMATRIX_MODE: 'live',
    OPENAI_API_KEY: KEY,
    ANTHROPIC_API_KEY: KEY,
    GOOGLE_API_KEY: KEY,
    REC_OPENAI_BASE: proxy.base('openai', '/v1'),
    REC_ANTHROPIC_BASE: proxy.base('anthropic'),
    REC_GEMINI_BASE: proxy.base('gemini'),
    ...extra,
  };
}

function editPrompt(copy: string, from: string, to: string): void {
  const file = path.join(copy, 'recordings.yaml');
  const yaml = readFileSync(file, 'utf8');
  expect(yaml).toContain(from);
  writeFileSync(file, yaml.replace(from, to));
}

/** Per case (model/task): its summary and events. */
function results(outDir: string) {
  return new Map(
    caseDirs(outDir, PIPELINE).map((dir) => {
      const summary = readSummary(dir);
      return [`${summary.run.model}/${summary.run.task_id}`, { summary, events: readEvents(dir) }] as const;
    }),
  );
}

const scoresOf = (events: ReturnType<typeof readEvents>) =>
  events.flatMap((e) => (e.event === 'auto_eval_sample' ? [JSON.stringify([e.sample_id, e.payload])] : [])).sort();
const inferencesOf = (events: ReturnType<typeof readEvents>) => events.flatMap((e) => (e.event === 'inference_end' ? [e.payload] : []));

function recordingFiles(copy: string): string[] {
  const dir = path.join(copy, 'evals', '__recordings__', PIPELINE);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

describe('recordings through real Vitest runs', () => {
  it('record live, replay with the server stopped (same scores, no request), pay only for an edited prompt', async () => {
    const copy = copyFixture();
    await startMockServe();

    // 1. Live, recording (auto records what it does not have: everything, the first time).
    const recorded = await runFixture(liveEnv({ EVALMATRIX_RECORD: 'auto' }), ['--root', copy], copy);
    expect(recorded.code, recorded.output).toBe(0);
    expect(proxy.seen).toHaveLength(36);
    expect(recordingFiles(copy)).toEqual(['anthropic_stream.jsonl', 'gemini_stream.jsonl', 'openai_json.jsonl']);
    const recordingsText = recordingFiles(copy).map((f) => readFileSync(path.join(copy, 'evals', '__recordings__', PIPELINE, f), 'utf8'));
    expect(recordingsText.map((t) => t.trim().split('\n').length)).toEqual([12, 12, 12]);
    expect(recordingsText.join('')).not.toContain(KEY);
    const first = results(recorded.outDir);
    expect(first.size).toBe(6);
    for (const { summary, events } of first.values()) {
      expect(summary.cached_count).toBe(0);
      expect(inferencesOf(events).every((p) => p.cached === false && /^[0-9a-f]{64}$/.test(p.recording!))).toBe(true);
    }

    // 2. The server stopped: replay answers everything, byte for byte the same scores.
    stopMockServe();
    const replayed = await runFixture(liveEnv({ EVALMATRIX_RECORD: 'replay' }), ['--root', copy], copy);
    expect(replayed.code, replayed.output).toBe(0);
    expect(proxy.seen).toHaveLength(36);
    const second = results(replayed.outDir);
    for (const [id, { summary, events }] of second) {
      const before = first.get(id)!;
      expect(JSON.stringify(summary.metrics)).toBe(JSON.stringify(before.summary.metrics));
      expect(scoresOf(events)).toEqual(scoresOf(before.events));
      expect(summary.cached_count).toBe(6);
      expect(summary.usage.prompt_tokens).toBe(0);
      expect(summary.usage.cached_prompt_tokens).toBe(before.summary.usage.prompt_tokens);
      expect(inferencesOf(events).every((p) => p.cached === true)).toBe(true);
    }
    expect(replayed.output).toMatch(/model\s+task\s+samples\s+cached\s+metric/);

    // 3. One prompt edited, server back (on new ports, behind the same proxy): only its samples go out.
    await startMockServe();
    editPrompt(copy, 'The answer is B.', 'The answer is B, edited.');
    const edited = await runFixture(liveEnv({ EVALMATRIX_RECORD: 'auto' }), ['--root', copy], copy);
    expect(edited.code, edited.output).toBe(0);
    const sent = proxy.seen.slice(36);
    expect(sent).toHaveLength(18);
    for (const request of sent) expect(request.body).toContain('The answer is B, edited.');
    for (const [id, { summary }] of results(edited.outDir)) expect(summary.cached_count, id).toBe(id.endsWith('task_a') ? 6 : 0);

    // 4. The other prompt edited, replay with the server stopped: its samples fail, naming hash and file; the rest replay.
    stopMockServe();
    editPrompt(copy, 'The answer is A.', 'The answer is A, edited.');
    const missing = await runFixture(liveEnv({ EVALMATRIX_RECORD: 'replay' }), ['--root', copy], copy);
    expect(missing.code).toBe(1);
    expect(proxy.seen).toHaveLength(54);
    for (const [id, { summary, events }] of results(missing.outDir)) {
      if (id.endsWith('task_b')) {
        expect(summary).toMatchObject({ status: 'passed', cached_count: 6, error_count: 0 });
        continue;
      }
      expect(summary).toMatchObject({ status: 'failed', cached_count: 0, error_count: 6 });
      const errors = events.flatMap((e) => (e.event === 'sample_error' ? [e.payload] : []));
      expect(errors).toHaveLength(6);
      for (const error of errors) {
        expect(error.stage).toBe('inference');
        expect(error.message).toMatch(new RegExp(`with hash [0-9a-f]{64} in .*evals/__recordings__/${PIPELINE}/${summary.run.model}\\.jsonl`));
      }
    }
  });

  it('watch mode records by default (auto), and a rerun after a one-prompt edit sends only that prompt', async () => {
    const copy = copyFixture();
    await startMockServe();
    const before = proxy.seen.length;
    const outDir = freshOutDir();
    const run = startFixture(['--watch', '--root', copy], liveEnv(), outDir, copy);
    try {
      const indexFile = path.join(outDir, PIPELINE, 'summary.index.json');
      const indexCount = (): number => (existsSync(indexFile) ? (JSON.parse(readFileSync(indexFile, 'utf8')) as { count: number }).count : 0);
      await waitFor(() => indexCount() === 6, 60_000, `the first run; output so far:\n${run.output()}`);
      expect(proxy.seen.length - before).toBe(36);
      expect(recordingFiles(copy)).toHaveLength(3);

      editPrompt(copy, 'The answer is B.', 'The answer is B, watched.');
      await waitFor(() => indexCount() === 12, 60_000, `the rerun; output so far:\n${run.output()}`);
      const sent = proxy.seen.slice(before + 36);
      expect(sent).toHaveLength(18);
      for (const request of sent) expect(request.body).toContain('The answer is B, watched.');
    } finally {
      // The run and every worker it started (its own process group).
      try {
        process.kill(-run.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      stopMockServe();
    }
  });
});

// A case run with recordings on, through runCase, the real SDK and the mocks served over HTTP:
// the first run records (cached: false, the request's hash on inference_end); the replay, with
// the server gone, scores alike and says every answer was replayed — counted apart in usage,
// kept out of latency — and a sample with no recording fails alone, naming its hash and file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expandCases } from '../../src/config/cases.js';
import { parsePipeline } from '../../src/config/load.js';
import { createProviderClient } from '../../src/providers/index.js';
import { startRecordings, type Recordings } from '../../src/recordings/index.js';
import type { EmittedEvent } from '../../src/runner/events.js';
import { runCase } from '../../src/runner/run-case.js';
import { FAKE_KEY, freshDir, serveMocks } from './live-server.js';

let recordings: Recordings | undefined;
afterEach(async () => {
  await recordings?.close();
  recordings = undefined;
});

function caseFor(apiBase: string, samples: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'em-rec-case-'));
  const rows = Array.from({ length: 8 }, (_, i) => JSON.stringify({ goal: `goal ${i}`, sol1: `first ${i}`, sol2: `second ${i}`, label: i % 2 }));
  writeFileSync(path.join(dir, 'rows.jsonl'), rows.join('\n') + '\n');
  const yaml = `
api_version: evalmatrix/v1
kind: PipelineConfig
metadata: {name: recorded_case}
prompts:
  - {prompt_id: p, template: "Q: {{ sample.goal }} The answer is A"}
datasets:
  - {dataset_id: d, loader: jsonl, path: rows.jsonl, params: {preprocess: piqa}}
backends:
  - backend_id: b
    config: {provider: openai, model: gpt-4o-mini, api_base: ${JSON.stringify(apiBase)}, max_retries: 2}
role_adapters:
  - {adapter_id: a, backend_id: b, prompt_id: p}
metrics:
  - {metric_id: acc, implementation: multi_choice_accuracy}
tasks:
  - {task_id: t, dataset_id: d, steps: [{step: inference, adapter_id: a}, {step: auto_eval}], concurrency: 3, max_samples: ${samples}, max_errors: 0}
`;
  return expandCases(parsePipeline(yaml, path.join(dir, 'pipeline.yaml'), { env: {} }))[0]!;
}

async function run(spec: ReturnType<typeof caseFor>) {
  const events: EmittedEvent[] = [];
  const client = createProviderClient(spec.backend, { env: { OPENAI_API_KEY: FAKE_KEY } });
  const summary = await runCase(spec, { mode: 'live', client, emit: (e) => void events.push(e), recordings: true, scorerPool: 'never' });
  const of = <E extends EmittedEvent['event']>(name: E) => events.filter((e): e is Extract<EmittedEvent, { event: E }> => e.event === name);
  return { summary, inferences: of('inference_end'), scores: of('auto_eval_sample'), errors: of('sample_error') };
}

describe('a case with recordings on', () => {
  it('records, then replays with the server gone: same scores, every answer cached, counted apart', async () => {
    const dir = freshDir();
    const servers = await serveMocks();
    const spec = caseFor(servers.base('openai'), 6);
    recordings = startRecordings({ mode: 'auto', dir }, { live: true });
    const live = await run(spec);
    await recordings.close();
    await servers.close();
    expect(live.inferences.map((e) => e.payload.cached)).toEqual(Array(6).fill(false));
    expect(new Set(live.inferences.map((e) => e.payload.recording)).size).toBe(6);
    expect(live.summary).toMatchObject({ cached_count: 0, usage: { cached_prompt_tokens: 0, cached_completion_tokens: 0 } });
    expect(live.summary.run.timings.latency_ms.mean).toBeGreaterThan(0);

    recordings = startRecordings({ mode: 'replay', dir }, { live: true });
    const replay = await run(spec);
    expect(replay.errors).toEqual([]);
    const bySample = (events: typeof live.inferences) => new Map(events.map((e) => [e.sample_id, e.payload]));
    const [before, after] = [bySample(live.inferences), bySample(replay.inferences)];
    for (const [id, payload] of after) {
      expect(payload).toMatchObject({ cached: true, recording: before.get(id)!.recording, text: before.get(id)!.text, usage: before.get(id)!.usage });
    }
    const scores = (events: typeof live.scores) => events.map((e) => [e.sample_id, e.payload]).sort();
    expect(scores(replay.scores)).toEqual(scores(live.scores));
    expect(replay.summary.metrics).toEqual(live.summary.metrics);
    // Nothing was paid for and nothing was measured: the tokens are there, apart.
    expect(replay.summary.cached_count).toBe(6);
    expect(replay.summary.usage).toEqual({
      prompt_tokens: 0,
      completion_tokens: 0,
      total_tokens: 0,
      cached_prompt_tokens: live.summary.usage.prompt_tokens,
      cached_completion_tokens: live.summary.usage.completion_tokens,
    });
    expect(replay.summary.run.timings.latency_ms).toEqual({ mean: 0, p50: 0, p95: 0, p99: 0 });
  });

  it('replay: a sample with no recording fails alone, naming its hash and the file; the case fails', async () => {
    const dir = freshDir();
    const servers = await serveMocks();
    recordings = startRecordings({ mode: 'auto', dir }, { live: true });
    await run(caseFor(servers.base('openai'), 4));
    await recordings.close();
    await servers.close();

    recordings = startRecordings({ mode: 'replay', dir }, { live: true });
    const replay = await run(caseFor(servers.base('openai'), 6));
    expect(replay.scores).toHaveLength(4);
    expect(replay.errors).toHaveLength(2);
    for (const e of replay.errors) {
      expect(e.payload).toMatchObject({ stage: 'inference', error_type: 'provider_network', attempts: 1 });
      expect(e.payload.message).toMatch(/no recording of POST .* with hash [0-9a-f]{64} in .*recorded_case\/b\.jsonl/);
    }
    expect(replay.summary.status).toBe('failed');
    expect(replay.summary.cached_count).toBe(4);
  });
});

// The baseline every overhead figure is measured against: a plain script doing only the work
// an eval must do — stream the rows, render the prompt, call the provider through the same SDK
// client against the same MSW mocks at the same concurrency, score with the same scorer — and
// nothing evalmatrix adds (no Vitest, no events, no reporter, no summaries, no index).
// Usage: node baseline.js <pipeline.yaml>; prints one JSON line with each case's outcome.
import { loadCases } from '../src/config/cases.js';
import { loadDataset } from '../src/datasets/load.js';
import { startMockInterception } from '../src/mocks/index.js';
import { compilePrompt } from '../src/prompts/render.js';
import { createProviderClient } from '../src/providers/index.js';
import { forEachConcurrent } from '../src/runner/concurrency.js';
import { createSampleScorer } from '../src/runner/scorer.js';
import type { CaseOutcome } from './outcome.js';

const pipelineFile = process.argv[2];
if (!pipelineFile) throw new Error('usage: baseline.js <pipeline.yaml>');
const latencyMs = Number(process.env.EVALMATRIX_MOCK_LATENCY_MS);
const mocks = startMockInterception(latencyMs > 0 ? { latencyMs } : {});

const cases = await Promise.all(
  loadCases(pipelineFile).map(async (spec): Promise<CaseOutcome> => {
    const client = createProviderClient(spec.backend, { env: process.env, allowMissingKey: true });
    const render = compilePrompt(spec.prompt);
    const scorer = createSampleScorer(spec.metrics);
    let samples = 0;
    let errors = 0;
    let scoreSum = 0;
    let scored = 0;
    const started = performance.now();
    const rows = loadDataset(spec.dataset, spec.task.max_samples === undefined ? {} : { maxSamples: spec.task.max_samples });
    await forEachConcurrent(rows, spec.task.concurrency, async (item) => {
      samples += 1;
      if (!item.ok) return void (errors += 1);
      try {
        const reply = await client.chat({ messages: render(item.sample) });
        for (const outcome of await scorer.score(item.sample, { text: reply.text })) {
          if ('error' in outcome) throw outcome.error;
          scoreSum += outcome.scored.score;
          scored += 1;
        }
      } catch {
        errors += 1;
      }
    });
    await scorer.close();
    return { model: spec.model, samples, errors, mean: scored === 0 ? null : scoreSum / scored, wall_ms: performance.now() - started };
  }),
);
mocks.close();
console.log(JSON.stringify({ cases }));

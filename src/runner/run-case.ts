// The sample loop of one case: stream the dataset, render, call the provider, score, emit
// events, aggregate. A failing sample becomes a sample_error and the rest go on; the case
// always ends with case_end and a summary. No Vitest here: the CLI can drive it too.
import { defaultMaxListeners, getMaxListeners, setMaxListeners } from 'node:events';
import type { CaseSpec } from '../config/cases.js';
import { loadDataset } from '../datasets/load.js';
import type { Sample } from '../datasets/sample.js';
import { compilePrompt } from '../prompts/render.js';
import type { ProviderClient } from '../providers/types.js';
import { CaseAggregate } from './aggregate.js';
import { forEachConcurrent } from './concurrency.js';
import { describeError } from './describe-error.js';
import { makeEvent, type EmittedEvent } from './events.js';
import { buildSummary } from './build-summary.js';
import { withBackpressure } from './backpressure.js';
import { createSampleScorer, type ScorerPoolMode } from './scorer.js';
import type { CaseSummary } from './summary.js';
import { judgeCase } from './verdict.js';
import { metricOutput } from './metric-output.js';
import { caseEndStatus, cutOff, withInterruption } from './interruption.js';
import { secretGuard } from './secret-guard.js';

export type Mode = 'mock' | 'live';

export interface RunCaseOptions {
  mode: Mode;
  client: ProviderClient;
  /** Receives every event, in order. Must not throw. May return a promise while it is behind
   *  (see EventBatcher): no new sample starts until that settles. */
  emit: (event: EmittedEvent) => Promise<void> | void;
  signal?: AbortSignal;
  /** Where metrics score; default from EVALMATRIX_SCORER_POOL (see scorer.ts). */
  scorerPool?: ScorerPoolMode;
}

export async function runCase(spec: CaseSpec, options: RunCaseOptions): Promise<CaseSummary> {
  const { client } = options;
  const sink = withBackpressure(options.emit);
  const emit = sink.emit;
  const startedAt = new Date();
  const t0 = performance.now();
  // Compiled once per case: rendering runs per sample in the hot loop.
  const render = compilePrompt(spec.prompt);
  const guard = secretGuard([spec.backend.config.api_key_env]);
  const scorer = createSampleScorer(spec.metrics, options.scorerPool);
  const aggregate = new CaseAggregate(spec.metrics.map((m) => m.metric_id));
  type Stage = 'dataset' | 'prompt' | 'inference' | 'scoring';
  const emitError = (sampleId: string | null, stage: Stage, error: unknown): void => {
    emit(makeEvent('sample_error', sampleId, { stage, ...describeError(error) }));
  };
  const fail = (sampleId: string | null, stage: Stage, error: unknown): void => {
    aggregate.addFailedSample();
    emitError(sampleId, stage, error);
  };

  emit(
    makeEvent('case_start', null, {
      task_id: spec.task.task_id,
      model: spec.model,
      provider: client.provider,
      provider_model: client.model,
      mode: options.mode,
      max_samples: spec.task.max_samples ?? null,
      concurrency: spec.task.concurrency,
    }),
  );

  const runSample = async (sample: Sample): Promise<void> => {
    let messages;
    try {
      messages = guard(render(sample));
    } catch (error) {
      fail(sample.sample_id, 'prompt', error);
      return;
    }
    let result;
    try {
      result = await client.chat({ messages, ...(options.signal ? { signal: options.signal } : {}) });
    } catch (error) {
      if (!cutOff(options.signal, aggregate)) fail(sample.sample_id, 'inference', error);
      return;
    }
    aggregate.addInference(result.latency_ms, result.usage);
    emit(makeEvent('inference_end', sample.sample_id, { ...result }));
    if (spec.metrics.length === 0) return;
    let scoringFailed = false;
    for (const outcome of await scorer.score(sample, metricOutput(result.text))) {
      if ('error' in outcome) {
        scoringFailed = true;
        emitError(sample.sample_id, 'scoring', outcome.error);
        continue;
      }
      aggregate.addScore(outcome.metric_id, outcome.scored.score);
      emit(makeEvent('auto_eval_sample', sample.sample_id, { metric_id: outcome.metric_id, ...outcome.scored }));
    }
    // A sample counts once however many of its metrics failed.
    if (scoringFailed) aggregate.addFailedSample();
  };

  // Every sample in flight listens on the case's signal while it waits for a slot, a retry or
  // an answer, and stops when that ends: up to `concurrency` listeners at once is the design,
  // not a leak, so Node's warning (past ten) is moved past that many.
  // Node 22+ reports 0 for a fresh signal and still warns at the default (10): start from that.
  if (options.signal) setMaxListeners(Math.max(getMaxListeners(options.signal), defaultMaxListeners) + spec.task.concurrency, options.signal);
  try {
    const items = loadDataset(spec.dataset, spec.task.max_samples === undefined ? {} : { maxSamples: spec.task.max_samples });
    await forEachConcurrent(
      items,
      spec.task.concurrency,
      async (item) => {
        aggregate.sampleCount += 1;
        if (item.ok) await runSample(item.sample);
        else fail(item.error.sample_id, 'dataset', new Error(item.error.message));
      },
      { signal: options.signal, pause: sink.pause },
    );
  } catch (error) {
    // The dataset itself could not be read (missing file, permissions): one error for the case.
    fail(null, 'dataset', error);
  } finally {
    await scorer.close();
  }

  const wallMs = Math.round(performance.now() - t0);
  emit(makeEvent('case_end', null, { sample_count: aggregate.sampleCount, error_count: aggregate.errorCount, wall_ms: wallMs, status: caseEndStatus(options.signal) }));

  const verdict = withInterruption(judgeCase({
    thresholds: spec.task.thresholds,
    means: aggregate.means(),
    errorCount: aggregate.errorCount,
    maxErrors: spec.task.max_errors,
    sampleCount: aggregate.sampleCount,
  }), options.signal);
  return buildSummary({
    spec,
    mode: options.mode,
    backend: { provider: client.provider, model: client.model, apiBase: client.apiBase },
    startedAt,
    wallMs,
    aggregate,
    verdict,
  });
}

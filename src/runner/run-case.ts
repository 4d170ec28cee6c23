// The sample loop of one case: stream the dataset, render, run each sample's trials (one, or
// `repeats`: call the provider, score, emit events; run-trial.ts), aggregate. A failing sample
// becomes a sample_error and the rest go on; the case always ends with case_end and a summary.
// No Vitest here: the CLI can drive it too.
import { defaultMaxListeners, getMaxListeners, setMaxListeners } from 'node:events';
import type { CaseSpec } from '../config/cases.js';
import { loadDataset } from '../datasets/load.js';
import { compilePrompt } from '../prompts/render.js';
import type { ProviderClient } from '../providers/types.js';
import { CaseAggregate } from './aggregate.js';
import { forEachConcurrent } from './concurrency.js';
import { describeError } from './describe-error.js';
import { makeEvent, type EmittedEvent } from './events.js';
import { trialRunner } from './run-trial.js';
import { trialUnits } from './trial-units.js';
import { buildSummary } from './build-summary.js';
import { withBackpressure } from './backpressure.js';
import { createSampleScorer, type ScorerPoolMode } from './scorer.js';
import type { CaseSummary } from './summary.js';
import { judgeCase } from './verdict.js';
import { createJudgeClients, type JudgeClients } from './judge-clients.js';
import { metricRegistry, type CustomMetrics } from './load-eval-pipeline.js';
import { inferenceFor, type TaskFunction } from './task-call.js';
import { failedByDataset } from './dataset-failure.js';
import type { DatasetRows } from '../datasets/loaders/code.js';
import { caseEndStatus, withInterruption } from './interruption.js';
import { secretGuard } from './secret-guard.js';
import { caseFingerprint, type CaseFingerprint } from './case-fingerprint.js';
import type { RestorePrior } from './prior-work.js';
import { caseGuards, failedByStops } from './case-guards.js';
import { noticedClients } from './noticed-clients.js';
import type { ProgressNotice } from './retry-notices.js';

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
  /** Metrics defined in TypeScript that the case's specs name (the built-ins are always there). */
  metrics?: CustomMetrics;
  /** The case's judges (createJudgeClients); made from `env` here when not given. */
  judges?: JudgeClients;
  /** For judges' keys when `judges` is not given; process.env by default. */
  env?: Record<string, string | undefined>;
  /** The user's code under test, called instead of the provider (see task-call.ts). */
  task?: TaskFunction;
  /** Rows given in TypeScript for the case's dataset; they replace its loader's. */
  rows?: DatasetRows;
  /** Recordings are on (they answer below the SDKs): each trial runs in a request scope naming
   *  the case's pipeline and model, and the summary counts replayed answers apart. */
  recordings?: boolean;
  /** Resuming the case's run: folds what it already did into the aggregate (prior-work.ts). */
  prior?: RestorePrior;
  /** What defines the case, for case_start (computed here when not given). */
  fingerprint?: CaseFingerprint;
  /** Told what the console may show while the case runs (requests retrying), apart from the
   *  events: nothing here goes to events.jsonl. Must not throw. */
  notify?: (notice: ProgressNotice) => void;
}

export async function runCase(spec: CaseSpec, options: RunCaseOptions): Promise<CaseSummary> {
  const sink = withBackpressure(options.emit);
  const startedAt = new Date();
  const t0 = performance.now();
  // Compiled once per case: rendering runs per sample in the hot loop.
  const render = compilePrompt(spec.prompt);
  const guard = secretGuard([spec.backend.config.api_key_env]);
  const { client, judges } = noticedClients(spec, options.client, options.judges ?? createJudgeClients(spec, { env: options.env ?? process.env, mode: options.mode }), options.notify);
  const scorer = createSampleScorer(spec.metrics, {
    registry: metricRegistry(options.metrics),
    judges,
    ...(options.scorerPool ? { mode: options.scorerPool } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const repeats = spec.task.repeats;
  const aggregate = new CaseAggregate(spec.metrics.map((m) => m.metric_id), repeats, options.recordings === true);
  const prior = options.prior?.(aggregate);
  const fingerprint = options.fingerprint ?? (await caseFingerprint(spec, options.rows));
  // Every event passes the watch first: errors by kind, and an early stop when going on cannot help.
  const guards = caseGuards(spec, aggregate, options.signal);
  // A resumed case's kept failures count in its errors by kind as if they had just happened.
  for (const record of prior?.errors ?? []) guards.watch.errors.add(record);
  if (prior) guards.watch.errors.other += prior.otherErrors;
  const emit = (event: EmittedEvent): void => {
    guards.watch.see(event);
    sink.emit(event);
  };
  let datasetFailure: unknown;
  const fail = (sampleId: string | null, stage: 'dataset' | 'prompt', error: unknown): void => {
    aggregate.addFailedSample();
    emit(makeEvent('sample_error', sampleId, { stage, ...describeError(error) }));
  };
  const runTrial = trialRunner({
    repeats,
    infer: inferenceFor(client, options.task, spec.prompt.response_format),
    scorer: spec.metrics.length === 0 ? undefined : scorer,
    aggregate,
    emit,
    signal: guards.requestSignal,
    requests: options.recordings === true ? { pipeline: spec.pipeline, model: spec.model } : undefined,
  });

  emit(
    makeEvent('case_start', null, {
      task_id: spec.task.task_id,
      model: spec.model,
      provider: client.provider,
      provider_model: client.model,
      mode: options.mode,
      max_samples: spec.task.max_samples ?? null,
      concurrency: spec.task.concurrency,
      metric_ids: spec.metrics.map((m) => m.metric_id),
      repeats,
      fingerprint: { ...fingerprint },
      ...(prior ? { resumed: prior.resumed } : {}),
    }),
  );

  // Every trial in flight listens on the case's signal while it waits for a slot, a retry or
  // an answer, and stops when that ends: up to `concurrency` listeners at once is the design,
  // not a leak, so Node's warning (past ten) is moved past that many.
  // Node 22+ reports 0 for a fresh signal and still warns at the default (10): start from that.
  for (const signal of [options.signal, guards.requestSignal]) {
    if (signal) setMaxListeners(Math.max(getMaxListeners(signal), defaultMaxListeners) + spec.task.concurrency, signal);
  }
  try {
    const items = loadDataset(spec.dataset, {
      ...(spec.task.max_samples === undefined ? {} : { maxSamples: spec.task.max_samples }),
      ...(options.rows === undefined ? {} : { rows: options.rows }),
    });
    const units = trialUnits(items, { repeats, render: (sample) => guard(render(sample)), startSample: () => aggregate.startSample(), ...(prior ? { prior } : {}) });
    // `concurrency` bounds the trials in flight: k trials of one sample count k.
    await forEachConcurrent(
      units,
      spec.task.concurrency,
      async (unit) => {
        if (unit.kind === 'trial') return runTrial(unit);
        aggregate.sampleCount += 1;
        fail(unit.sampleId, unit.stage, unit.error);
      },
      { signal: guards.startSignal, pause: sink.pause },
    );
  } catch (error) {
    // The dataset itself could not be read (missing file, a folder, no rows): one error, and the case fails.
    fail(null, 'dataset', error);
    datasetFailure = error;
  } finally {
    await scorer.close();
    aggregate.finish();
  }

  const wallMs = Math.round(performance.now() - t0);
  emit(makeEvent('case_end', null, { sample_count: aggregate.sampleCount, error_count: aggregate.errorCount, wall_ms: wallMs, status: caseEndStatus(options.signal) }));

  const cost = guards.cost();
  const { errors } = guards.watch;
  const verdict = withInterruption(judgeCase({
    thresholds: spec.task.thresholds,
    means: aggregate.means(),
    passRates: aggregate.passRates(),
    stats: aggregate.stats(),
    errorCount: aggregate.errorCount,
    maxErrors: spec.task.max_errors,
    sampleCount: aggregate.sampleCount,
    errorKinds: errors.list(),
    otherErrors: errors.other,
    ...(spec.task.max_cost_usd === undefined ? {} : { cost: { max: spec.task.max_cost_usd, usd: cost.cost_usd?.total ?? null, unpriced: cost.unpriced } }),
  }), options.signal);
  return buildSummary({
    spec,
    mode: options.mode,
    backend: { provider: client.provider, model: client.model, apiBase: client.apiBase },
    judges: new Map([...judges].map(([id, judge]) => [id, { provider: judge.client.provider, model: judge.client.model, apiBase: judge.client.apiBase }])),
    startedAt,
    wallMs,
    aggregate,
    cost,
    errorKinds: errors.list(),
    verdict: failedByStops(failedByDataset(verdict, datasetFailure), guards.watch.stops),
  });
}

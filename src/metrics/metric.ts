// The metric contract. A metric scores one sample from {sample, output, params, signal}, may
// be async, and returns a number in [0, 1], a boolean, or a MetricResult. The runner
// normalizes that (normalize.ts), records it in auto_eval_sample and aggregates (mean, and
// pass_rate where there is a pass criterion). Built-ins and metrics defined in TypeScript
// (defineMetric) are the same kind of object.
import type { z } from 'zod';
import type { Sample } from '../datasets/sample.js';
import type { JudgeHandle, JudgeRecord } from './judge/handle.js';

export interface MetricOutput {
  /** The model's reply text. */
  text: string;
  /** The reply parsed as JSON when it is JSON (fences stripped; see providers/json-answer.ts),
   *  else undefined. A response_format's parsed answer when one was asked for. */
  json?: unknown;
}

export interface MetricInput<P = Record<string, unknown>> {
  sample: Sample;
  output: MetricOutput;
  /** The metric spec's `params`, parsed by the metric's own params schema when it has one. */
  params: P;
  /** Aborts when metric_timeout_ms passes or the case is cancelled: an async metric should stop. */
  signal: AbortSignal;
  /** Present when the spec's `params.judge` names a judge_model role adapter: that adapter's
   *  prompt rendered for this sample, and calls through its backend (see judge/handle.ts). */
  judge?: JudgeHandle;
}

/** What a metric may say about one sample beyond its score. */
export interface MetricResult {
  /** In [0, 1]; a boolean counts as 1 or 0. */
  score: number | boolean;
  /** The sample passed (else: score ≥ the spec's pass_threshold, when it has one). */
  passed?: boolean;
  /** What the metric read from the reply (the chosen letter, the final number…). */
  prediction?: string | null;
  /** What it compared against. */
  reference?: string | null;
  /** Why, in words (a judge's reasoning, a validator's first failing path). */
  rationale?: string;
  /** Anything else worth keeping with the score; JSON-safe. */
  metadata?: Record<string, unknown>;
}

export type MetricReturn = number | boolean | MetricResult;

export interface MetricDefinition<P = Record<string, unknown>> {
  /** The `implementation` name YAML uses. */
  name: string;
  /** Validates and defaults the spec's `params` when the pipeline loads (a located error
   *  otherwise). Without one, params pass through as written. */
  params?: z.ZodType<P>;
  /**
   * Scoring takes real CPU time (say a millisecond or more per sample). Built-ins marked so
   * score in a worker pool, so the requests' event loop never waits on them and a scorer that
   * overruns metric_timeout_ms can be cut off. Cheap metrics stay in-process.
   */
  cpu_heavy?: boolean;
  /**
   * The URL of the module that exports this metric (`import.meta.url`), for a cpu_heavy metric
   * defined in TypeScript: the scorer pool's worker threads import it from there, since they
   * cannot receive a function. Built-ins need none.
   */
  module?: string;
  score(input: MetricInput<P>): MetricReturn | Promise<MetricReturn>;
}

/** A metric as recorded: the normalized result of one sample. */
export interface MetricScore {
  score: number;
  passed?: boolean;
  prediction: string | null;
  reference: string | null;
  rationale?: string;
  metadata?: Record<string, unknown>;
  /** A judge's call: which adapter, what it said, the choice read from it, its usage. */
  judge?: JudgeRecord;
}

/** Identity helper that keeps the params type flowing from the schema to `score`. */
export function defineMetric<P = Record<string, unknown>>(definition: MetricDefinition<P>): MetricDefinition<P> {
  return definition;
}

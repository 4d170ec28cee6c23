// Reads a case's events (every part of its run, in file order) and keeps, for each trial of
// each sample, its latest finished outcome: a trial is finished when it has a sample_error of
// its inference, or one outcome (auto_eval_sample or scoring sample_error) for every metric of
// the case (the inference_end, for a task without metrics). A trial cut off by an interruption
// has no such end; its events stay in the file but count for nothing. Each case_start begins a
// new part of the run: what the part before it left unfinished is dropped, and a trial run
// again later (a rerun of errors) replaces its earlier outcome. Only numbers are kept per
// trial, so a long case costs a few numbers per trial; an error's words are kept once per kind
// (the kinds a failed case lists, runner/error-kinds.ts), and a trial refers to them.
import type { Usage } from '../../providers/types.js';
import { errorKindKey, type ErrorRecord } from '../../runner/error-kinds.js';
import type { EmittedEvent, PayloadOf } from '../../runner/events.js';

export interface TrialOutcome {
  trial: number;
  /** Which part of the run (case_start) it finished in. */
  part: number;
  inference: { latency_ms: number; usage: Usage; cached: boolean } | undefined;
  scores: { metric_id: string; score: number; passed: boolean | undefined }[];
  /** Scoring errors (one per metric that failed). */
  scoringErrors: number;
  inferenceFailed: boolean;
  /** What judges spent, by the adapter that judged (undefined: a record that did not say). */
  judgeUsage: { adapter: string | undefined; usage: Usage }[];
  /** The trial's errors, as indexes into the ledger's errorRecords. */
  errors: number[];
}

/** Kinds of error kept with their words; the case's error list shows far fewer (MAX_ERROR_KINDS). */
const MAX_ERROR_RECORDS = 100;

export const trialFailed = (t: TrialOutcome): boolean => t.inferenceFailed || t.scoringErrors > 0;

export interface CaseShape {
  metricIds: readonly string[];
  repeats: number;
}

export class TrialLedger {
  /** Latest finished trials, by sample id then trial index. */
  readonly finished = new Map<string, Map<number, TrialOutcome>>();
  /** Samples that failed before their trials (a bad row, a prompt that did not render), with
   *  their error (an index into errorRecords). */
  readonly failedBefore = new Map<string, number>();
  /** One record per kind of error the events hold: its first occurrence. */
  readonly errorRecords: ErrorRecord[] = [];
  private readonly recordOfKind = new Map<string, number>();
  /** Samples finished twice in one part of the run: rows that share a sample_id. */
  readonly repeatedIds = new Set<string>();
  /** The latest case_start: the run's mode and fingerprint. */
  lastStart: PayloadOf<'case_start'> | undefined;
  /** How many parts (case_starts) the run had. */
  parts = 0;
  private shape: CaseShape | undefined;
  private readonly seenMetrics = new Set<string>();
  private readonly open = new Map<string, TrialOutcome & { sampleId: string }>();

  /** `shape`: the case as configured now; without it (the index), the run's own case_start says. */
  constructor(shape?: CaseShape) {
    this.shape = shape;
  }

  add(e: EmittedEvent): void {
    switch (e.event) {
      case 'case_start':
        this.parts += 1;
        this.open.clear();
        this.lastStart = e.payload;
        this.shape ??= e.payload.metric_ids ? { metricIds: e.payload.metric_ids, repeats: e.payload.repeats ?? 1 } : undefined;
        return;
      case 'inference_end': {
        const t = this.attempt(e.sample_id, e.payload.trial);
        t.inference = { latency_ms: e.payload.latency_ms, usage: e.payload.usage, cached: e.payload.cached === true };
        return this.settle(t);
      }
      case 'auto_eval_sample': {
        const t = this.attempt(e.sample_id, e.payload.trial);
        t.scores.push({ metric_id: e.payload.metric_id, score: e.payload.score, passed: e.payload.passed });
        this.seenMetrics.add(e.payload.metric_id);
        if (e.payload.judge) t.judgeUsage.push({ adapter: e.payload.judge.adapter_id, usage: e.payload.judge.usage });
        return this.settle(t);
      }
      case 'sample_error':
        return this.error(e.sample_id, e.payload);
      case 'case_end':
        return;
    }
  }

  /** The case's metrics (as the run declared them, else as its events named them) and repeats. */
  caseShape(): CaseShape {
    if (this.shape) return this.shape;
    let repeats = 1;
    for (const trials of this.finished.values()) for (const t of trials.keys()) repeats = Math.max(repeats, t + 1);
    return { metricIds: [...this.seenMetrics], repeats };
  }

  private error(sampleId: string | null, p: PayloadOf<'sample_error'>): void {
    if (sampleId === null) return; // the dataset as a whole: read again by whatever runs next
    const record = this.recordFor(p);
    if (p.stage === 'dataset' || p.stage === 'prompt') {
      this.failedBefore.set(sampleId, record);
      this.finished.delete(sampleId);
      return;
    }
    const t = this.attempt(sampleId, p.trial);
    if (p.stage === 'inference') t.inferenceFailed = true;
    else t.scoringErrors += 1;
    t.errors.push(record);
    if (p.judge_usage) t.judgeUsage.push({ adapter: p.judge_adapter, usage: p.judge_usage });
    this.settle(t);
  }

  /** The index of this error's kind in errorRecords, kept at its first occurrence; -1 past
   *  MAX_ERROR_RECORDS kinds (counted as `other`, as the case's own error list counts them). */
  private recordFor(p: PayloadOf<'sample_error'>): number {
    const record: ErrorRecord = { stage: p.stage, error_type: p.error_type, status: p.status, message: p.message, ...(p.code ? { code: p.code } : {}) };
    const key = errorKindKey(record);
    let index = this.recordOfKind.get(key);
    if (index === undefined) {
      if (this.errorRecords.length >= MAX_ERROR_RECORDS) return -1;
      index = this.errorRecords.push(record) - 1;
      this.recordOfKind.set(key, index);
    }
    return index;
  }

  private attempt(sampleId: string, trial = 0): TrialOutcome & { sampleId: string } {
    const key = `${trial}\u0000${sampleId}`;
    let t = this.open.get(key);
    if (!t) {
      t = { sampleId, trial, part: this.parts, inference: undefined, scores: [], scoringErrors: 0, inferenceFailed: false, judgeUsage: [], errors: [] };
      this.open.set(key, t);
    }
    return t;
  }

  private settle(t: TrialOutcome & { sampleId: string }): void {
    // Without the case's shape (an old file), a trial ends at its first outcome.
    const metrics = this.shape ? this.shape.metricIds.length : 1;
    const done = t.inferenceFailed || (metrics === 0 ? t.inference !== undefined : t.scores.length + t.scoringErrors >= metrics);
    if (!done) return;
    this.open.delete(`${t.trial}\u0000${t.sampleId}`);
    const { sampleId, ...outcome } = t;
    let trials = this.finished.get(sampleId);
    if (!trials) this.finished.set(sampleId, (trials = new Map()));
    if (trials.get(t.trial)?.part === this.parts) this.repeatedIds.add(sampleId);
    trials.set(t.trial, outcome);
    this.failedBefore.delete(sampleId);
  }
}

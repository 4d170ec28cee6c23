// Events → aggregate state: a case cut off at any event and resumed from its events ends with
// the summary an uninterrupted run gives (counts, metrics and their statistics, pass rates,
// usage by role, trial counts); what was finished is not run again, what was not runs once.
import { describe, expect, it } from 'vitest';
import { restoreCase, type Rerun } from '../../src/recordings/resume/restore.js';
import { TrialLedger } from '../../src/recordings/resume/trial-ledger.js';
import type { EmittedEvent } from '../../src/runner/events.js';
import { comparable, outcomeOf, resumeCase, ROWS, runResumeCase } from './resume-case.js';

function ledgerOf(spec: ReturnType<typeof resumeCase>, events: readonly EmittedEvent[]): TrialLedger {
  const ledger = new TrialLedger({ metricIds: spec.metrics.map((m) => m.metric_id), repeats: spec.task.repeats });
  for (const e of events) ledger.add(e);
  return ledger;
}

/** (sample, trial) of every inference the run made. */
const inferred = (events: readonly EmittedEvent[]): string[] =>
  events.flatMap((e) => (e.event === 'inference_end' || (e.event === 'sample_error' && e.payload.stage === 'inference') ? [`${e.sample_id}#${e.payload.trial ?? 0}`] : []));

describe.each([1, 3])('repeats: %i', (repeats) => {
  it.each([0, 0.2, 0.5, 0.8, 1])('a run cut off after %f of its events and resumed ends as the uninterrupted run', async (share) => {
    const spec = resumeCase(repeats);
    const whole = await runResumeCase(spec);
    // The events a kill would have left: whole lines up to a point (the case_end is never among them).
    const cut = whole.events.slice(0, Math.floor((whole.events.length - 1) * share));
    const ledger = ledgerOf(spec, cut);
    let kept = 0;
    const rest = await runResumeCase(spec, {
      prior: (aggregate) => {
        const prior = restoreCase(ledger, aggregate, 'unfinished');
        kept = prior.resumed.kept_trials;
        return prior;
      },
    });
    expect(comparable(rest.summary)).toEqual(comparable(whole.summary));
    expect(rest.events[0]!.event === 'case_start' && rest.events[0]!.payload.resumed).toEqual({ rerun: 'unfinished', kept_samples: expect.any(Number), kept_trials: kept });
    // Every trial ran once in all: those finished before the cut are not run again.
    const finishedBefore = new Set(inferred(cut).filter((key) => [...ledger.finished.entries()].some(([id, trials]) => key.startsWith(`${id}#`) && trials.has(Number(key.split('#')[1])))));
    const ranAgain = inferred(rest.events);
    expect(ranAgain.filter((key) => finishedBefore.has(key))).toEqual([]);
    expect(new Set([...finishedBefore, ...ranAgain]).size).toBe(ROWS.length * repeats);
    expect(finishedBefore.size + ranAgain.length).toBe(ROWS.length * repeats);
  });
});

describe('a rerun of errors', () => {
  it.each<[number, Rerun]>([
    [1, 'errors'],
    [3, 'errors'],
  ])('repeats %i: runs the failed trials again and the summary counts their latest outcome, once', async (repeats, rerun) => {
    const spec = resumeCase(repeats);
    const failing = await runResumeCase(spec);
    expect(failing.summary.error_count).toBe(repeats === 1 ? 1 : 2); // s5 (boom); s3 throws on trial 1 when it has one
    const clean = await runResumeCase(spec, { faults: false });
    const ledger = ledgerOf(spec, failing.events);
    const rest = await runResumeCase(spec, { faults: false, prior: (aggregate) => restoreCase(ledger, aggregate, rerun) });
    expect(comparable(rest.summary)).toEqual(comparable(clean.summary));
    const failedTrials = repeats === 1 ? ['s5#0'] : ['s3#1', 's5#0'];
    expect(inferred(rest.events).sort()).toEqual(failedTrials);
    expect(outcomeOf('s5', 0, false)).not.toBe('boom');
  });
});

describe('TrialLedger', () => {
  const start = (fingerprint = 'x'): EmittedEvent => ({
    event: 'case_start',
    sample_id: null,
    created_at: 0,
    payload: { task_id: 't', model: 'm', provider: 'openai', provider_model: 'g', mode: 'mock', max_samples: null, concurrency: 1, metric_ids: ['a', 'b'], repeats: 1, fingerprint: { prompt: fingerprint } },
  });
  const inference = (id: string): EmittedEvent => ({ event: 'inference_end', sample_id: id, created_at: 0, payload: { provider: 'openai', model: 'g', text: 'x', finish_reason: 'stop', usage: { prompt_tokens: 3, completion_tokens: 2 }, latency_ms: 5, attempts: 1 } });
  const score = (id: string, metric: string, judged = false): EmittedEvent => ({
    event: 'auto_eval_sample',
    sample_id: id,
    created_at: 0,
    payload: { metric_id: metric, score: 1, prediction: 'x', reference: 'x', ...(judged ? { judge: { adapter_id: 'j', text: 'Y', choice: 'Y', usage: { prompt_tokens: 7, completion_tokens: 1 } } } : {}) },
  });
  const error = (id: string | null, stage: 'dataset' | 'inference' | 'scoring', extra = {}): EmittedEvent => ({ event: 'sample_error', sample_id: id, created_at: 0, payload: { stage, error_type: 'E', status: null, message: 'm', attempts: 1, ...extra } });

  it('finishes a trial at one outcome per metric (a score or a scoring error), counting judge usage of both', () => {
    const ledger = new TrialLedger();
    for (const e of [start(), inference('s1'), score('s1', 'a', true), inference('s2'), score('s2', 'a'), error('s2', 'scoring', { metric_id: 'b', judge_usage: { prompt_tokens: 4, completion_tokens: 4 } }), inference('s3'), score('s3', 'a')]) ledger.add(e);
    expect([...ledger.finished.keys()]).toEqual(['s2']);
    ledger.add(score('s1', 'b'));
    expect([...ledger.finished.keys()]).toEqual(['s2', 's1']);
    expect(ledger.finished.get('s1')!.get(0)!.judgeUsage).toEqual([{ adapter: 'j', usage: { prompt_tokens: 7, completion_tokens: 1 } }]);
    expect(ledger.finished.get('s2')!.get(0)!).toMatchObject({ scoringErrors: 1, judgeUsage: [{ adapter: undefined, usage: { prompt_tokens: 4, completion_tokens: 4 } }] });
    // The scoring error's words are kept once, by kind, and the trial refers to them.
    expect(ledger.errorRecords).toEqual([{ stage: 'scoring', error_type: 'E', status: null, message: 'm' }]);
    expect(ledger.finished.get('s2')!.get(0)!.errors).toEqual([0]);
    // A new part of the run (case_start) drops what the last one left unfinished: s3 runs again.
    ledger.add(start());
    ledger.add(score('s3', 'b'));
    expect(ledger.finished.has('s3')).toBe(false);
  });

  it('keeps a sample that failed before its trials, the whole dataset’s error for nothing, and the latest outcome of a trial run again', () => {
    const ledger = new TrialLedger();
    for (const e of [start(), error('s9', 'dataset'), error(null, 'dataset'), error('s1', 'inference'), start(), inference('s1'), score('s1', 'a'), score('s1', 'b')]) ledger.add(e);
    expect([...ledger.failedBefore.keys()]).toEqual(['s9']);
    expect(ledger.finished.get('s1')!.get(0)!).toMatchObject({ inferenceFailed: false, scores: [{ metric_id: 'a' }, { metric_id: 'b' }] });
    expect(ledger.parts).toBe(2);
    expect(ledger.caseShape()).toEqual({ metricIds: ['a', 'b'], repeats: 1 });
  });
});

// The scorer pool against the in-process path: the same scores for the same inputs, and a
// scorer that overruns metric_timeout_ms cut off and reported as a metric_timeout.
import { afterEach, describe, expect, it } from 'vitest';
import type { MetricSpec } from '../../src/config/schema.js';
import type { Sample } from '../../src/datasets/sample.js';
import { createSampleScorer, scorerPoolMode, type SampleScorer, type ScoreOutcome } from '../../src/runner/scorer.js';
import { describeError } from '../../src/runner/describe-error.js';

const scorers: SampleScorer[] = [];
afterEach(async () => {
  await Promise.all(scorers.splice(0).map((s) => s.close()));
});

function scorer(specs: MetricSpec[], mode: 'always' | 'never' | 'auto'): SampleScorer {
  const s = createSampleScorer(specs, mode);
  scorers.push(s);
  return s;
}

function sample(i: number): Sample {
  return { sample_id: `s-${i}`, goal: `goal ${i}`, reference: i % 3 === 0 ? 'B' : 'A', metadata: { option_map: { A: 'one', B: 'two' } } };
}

/** Replies that exercise every extraction path: boxed, "answer is", Chinese, a bare letter, nothing. */
const REPLIES = ['\\boxed{A}', 'The answer is B.', '答案是A', 'I think...\nB', 'no idea', 'Option (b) it is', 'A. because'];

const accuracy: MetricSpec = { metric_id: 'acc', implementation: 'multi_choice_accuracy', params: {} };
const burn: MetricSpec = { metric_id: 'burn', implementation: 'test_cpu_burn', params: { burn_ms: 1 } };

async function scoreAll(s: SampleScorer): Promise<ScoreOutcome[][]> {
  return Promise.all(Array.from({ length: 21 }, (_, i) => s.score(sample(i), { text: REPLIES[i % REPLIES.length]! })));
}

describe('scorer pool', () => {
  it('gives exactly the in-process results, metric by metric, sample by sample', async () => {
    const inProcess = await scoreAll(scorer([accuracy, burn], 'never'));
    const pooled = await scoreAll(scorer([accuracy, burn], 'always'));
    expect(pooled).toEqual(inProcess);
    expect(inProcess.flat().every((o) => 'scored' in o)).toBe(true);
    // Not trivially equal: both scores and both null and non-null predictions occur.
    const scores = inProcess.flat().map((o) => ('scored' in o ? o.scored : undefined));
    expect(new Set(scores.map((s) => s?.score))).toEqual(new Set([0, 1]));
    expect(scores.some((s) => s?.prediction === null)).toBe(true);
  });

  it('cuts off a scorer that overruns metric_timeout_ms and reports it as metric_timeout; the pool goes on', async () => {
    const stuck: MetricSpec = { metric_id: 'stuck', implementation: 'test_cpu_burn', params: { burn_ms: 60_000 }, metric_timeout_ms: 300 };
    const s = scorer([stuck, accuracy], 'always');
    const [stuckOutcome, accOutcome] = await s.score(sample(1), { text: 'The answer is A' });
    expect(stuckOutcome).toMatchObject({ metric_id: 'stuck' });
    expect('error' in stuckOutcome! && describeError(stuckOutcome.error)).toMatchObject({
      error_type: 'metric_timeout',
      message: expect.stringContaining('metric "stuck" took longer than its metric_timeout_ms (300 ms)'),
    });
    expect(accOutcome).toEqual({ metric_id: 'acc', scored: { score: 1, prediction: 'A', reference: 'A' } });
    // The terminated worker was replaced: the pool still scores.
    const [, again] = await s.score(sample(3), { text: 'The answer is B' });
    expect(again).toMatchObject({ scored: { score: 1 } });
  });

  it('in-process, an overrun is recorded the same way once the scorer returns', async () => {
    const slow: MetricSpec = { metric_id: 'slow', implementation: 'test_cpu_burn', params: { burn_ms: 50 }, metric_timeout_ms: 5 };
    const [outcome] = await scorer([slow], 'never').score(sample(1), { text: 'The answer is A' });
    expect('error' in outcome! && describeError(outcome.error).error_type).toBe('metric_timeout');
  });

  it('a metric that throws is the same error outcome in the pool as in-process', async () => {
    // No reply text at all: the extractor throws a TypeError.
    const broken = async (mode: 'always' | 'never') => (await scorer([accuracy], mode).score(sample(1), { text: undefined as unknown as string }))[0]!;
    const [pooled, inProcess] = [await broken('always'), await broken('never')];
    expect('error' in inProcess && describeError(inProcess.error)).toMatchObject({ error_type: 'metric_error', message: expect.stringMatching(/^metric "acc" threw TypeError: /) });
    expect('error' in pooled && describeError(pooled.error)).toEqual('error' in inProcess && describeError(inProcess.error));
  });
});

describe('scorerPoolMode', () => {
  it('reads EVALMATRIX_SCORER_POOL', () => {
    expect(scorerPoolMode({})).toBe('auto');
    expect(scorerPoolMode({ EVALMATRIX_SCORER_POOL: '1' })).toBe('always');
    expect(scorerPoolMode({ EVALMATRIX_SCORER_POOL: '0' })).toBe('never');
    expect(() => scorerPoolMode({ EVALMATRIX_SCORER_POOL: 'maybe' })).toThrow('EVALMATRIX_SCORER_POOL="maybe"');
  });
});

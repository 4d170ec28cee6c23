// The open samples of a repeated run: trials end in any order, a sample closes when its last
// one does, and nothing of a finished sample is kept — the aggregate of a long run holds only
// the samples still in flight.
import { describe, expect, it } from 'vitest';
import { CaseAggregate, type OpenSample } from '../../src/runner/aggregate.js';

/** A small deterministic generator, so the interleaving is the same on every run. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('CaseAggregate over repeated samples', () => {
  it('holds only the samples in flight, and none once they finish, over 5,000 samples', () => {
    const repeats = 4;
    const concurrency = 8;
    const agg = new CaseAggregate(['acc'], repeats);
    const random = lcg(7);
    // What the loop does: pull trials in order, keep `concurrency` in flight, end them in any order.
    const inFlight: { sample: OpenSample; score: number }[] = [];
    let mostOpen = 0;
    let sum = 0;
    let current: OpenSample | undefined;
    let trialsLeft = 0;
    for (let pulled = 0; pulled < 5_000 * repeats || inFlight.length > 0; ) {
      if (pulled < 5_000 * repeats && inFlight.length < concurrency) {
        if (trialsLeft === 0) [current, trialsLeft] = [agg.startSample(), repeats];
        trialsLeft -= 1;
        const score = pulled % 3 === 0 ? 1 : 0;
        sum += score;
        inFlight.push({ sample: current!, score });
        pulled += 1;
        continue;
      }
      const [done] = inFlight.splice(Math.floor(random() * inFlight.length), 1);
      agg.addScore(done!.sample, 'acc', done!.score, done!.score === 1);
      agg.endTrial(done!.sample, false);
      mostOpen = Math.max(mostOpen, agg.openSamples);
    }
    expect(agg.openSamples).toBe(0);
    // A trial in flight keeps at most its own sample open, and the one being pulled is open too.
    expect(mostOpen).toBeLessThanOrEqual(concurrency + 1);
    expect(agg.sampleCount).toBe(5_000);
    expect(agg.trialCount).toBe(20_000);
    expect(agg.stats().get('acc')!.samples).toBe(5_000);
    expect(agg.stats().get('acc')!.mean).toBeCloseTo(sum / 20_000, 12);
  });

  it('counts a sample with a failed trial as one error, and each failed trial apart', () => {
    const agg = new CaseAggregate(['acc'], 3);
    const sample = agg.startSample();
    agg.endTrial(sample, true);
    agg.addScore(sample, 'acc', 1);
    agg.endTrial(sample, false);
    expect(agg.errorCount).toBe(0); // not until its last trial ends
    agg.endTrial(sample, true);
    expect([agg.errorCount, agg.trialErrorCount, agg.trialCount, agg.openSamples]).toEqual([1, 2, 3, 0]);
  });

  it('closes, at the end, a sample a cancel left with trials unrun', () => {
    const agg = new CaseAggregate(['acc'], 5);
    const sample = agg.startSample();
    agg.addScore(sample, 'acc', 0.5);
    agg.endTrial(sample, false);
    expect(agg.stats().get('acc')).toBeUndefined();
    agg.finish();
    expect(agg.openSamples).toBe(0);
    expect(agg.stats().get('acc')).toMatchObject({ samples: 1, mean: 0.5 });
  });
});

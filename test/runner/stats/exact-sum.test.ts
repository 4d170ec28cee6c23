// Sums and moments that do not depend on the order of their terms: samples finish in whatever
// order the provider (or a replay) answers, and a summary must not change with it.
import { describe, expect, it } from 'vitest';
import { CaseAggregate } from '../../../src/runner/aggregate.js';
import { ExactSum } from '../../../src/runner/stats/exact-sum.js';
import { RunningMoments } from '../../../src/runner/stats/running-moments.js';

const sum = (values: number[]): number => {
  const s = new ExactSum();
  for (const v of values) s.add(v);
  return s.value();
};

/** A fixed shuffle (a linear congruential generator), so a failure reproduces. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const fractions = Array.from({ length: 997 }, (_, i) => ((i * 7919) % 1013) / 1013 + 1e-3 * Math.sin(i));

describe('ExactSum', () => {
  it('rounds the exact sum once (math.fsum\'s answers)', () => {
    expect(sum([1e16, 1, -1e16])).toBe(1);
    expect(sum(Array(10).fill(0.1))).toBe(1);
    expect(sum([1e100, 1, -1e100, 1e-100, 1e50, -1, -1e50])).toBe(1e-100);
    expect(sum([])).toBe(0);
    expect(sum([1, Infinity])).toBe(Infinity);
  });

  it('gives the same double in any order', () => {
    const expected = sum(fractions);
    for (const seed of [1, 2, 3]) expect(sum(shuffled(fractions, seed))).toBe(expected);
  });
});

describe('RunningMoments', () => {
  const moments = (values: number[]) => {
    const m = new RunningMoments();
    for (const v of values) m.add(v);
    return { mean: m.mean, variance: m.sampleVariance() };
  };

  it('the same mean and variance, to the last bit, in any order', () => {
    const expected = moments(fractions);
    for (const seed of [4, 5, 6]) expect(moments(shuffled(fractions, seed))).toEqual(expected);
  });

  it('exactly 0 for a constant stream of an inexact value', () => {
    expect(moments(Array(7).fill(0.1))).toEqual({ mean: 0.1, variance: 0 });
  });
});

describe('CaseAggregate', () => {
  it('summarizes samples finishing in any order identically', () => {
    const summaryOf = (order: number[]) => {
      const aggregate = new CaseAggregate(['f1'], 2);
      const samples = order.map(() => aggregate.startSample());
      for (const [at, i] of order.entries()) {
        for (const trial of [1, 0]) aggregate.addScore(samples[at]!, 'f1', fractions[(i * 2 + trial) % fractions.length]!, fractions[i]! > 0.5);
        for (const _ of [0, 1]) aggregate.endTrial(samples[at]!, false);
      }
      aggregate.finish();
      return JSON.stringify(aggregate.metricSummaries());
    };
    const inOrder = Array.from({ length: 300 }, (_, i) => i);
    const expected = summaryOf(inOrder);
    for (const seed of [7, 8]) expect(summaryOf(shuffled(inOrder, seed))).toBe(expected);
  });
});

// The comparison's statistics against values worked out by hand or by an independent method.
import { describe, expect, it } from 'vitest';
import { pairedBootstrap } from '../../src/report/stats/bootstrap.js';
import { histogram, sharedEdges } from '../../src/report/stats/histogram.js';
import { mcnemarExactP } from '../../src/report/stats/mcnemar.js';
import { quantile, quantileSorted } from '../../src/report/stats/quantile.js';
import { seededRandom } from '../../src/report/stats/rng.js';

/** Two-sided exact McNemar p in exact integer arithmetic: 2 · Σ_{i ≤ min(b,c)} C(n, i) / 2^n. */
function mcnemarBigInt(b: number, c: number): number {
  const n = BigInt(b + c);
  let term = 1n;
  let tail = 0n;
  for (let i = 0n; i <= BigInt(Math.min(b, c)); i++) {
    tail += term;
    term = (term * (n - i)) / (i + 1n);
  }
  // Scale to 15 significant digits before leaving BigInt.
  const scale = 10n ** 18n;
  return Math.min(1, Number((2n * tail * scale) / 2n ** n) / Number(scale));
}

describe("McNemar's exact test", () => {
  it('matches hand-computed binomial tails', () => {
    expect(mcnemarExactP(0, 0)).toBe(1);
    expect(mcnemarExactP(0, 5)).toBe(2 / 32); // 2 · (1/2)^5
    expect(mcnemarExactP(1, 9)).toBe(22 / 1024); // 2 · (C(10,0) + C(10,1)) / 2^10 = 0.021484375
    expect(mcnemarExactP(9, 1)).toBe(22 / 1024); // symmetric in the two directions
    expect(mcnemarExactP(3, 1)).toBe(10 / 16); // 2 · (1 + 4) / 16
    expect(mcnemarExactP(2, 18)).toBe((2 * (1 + 20 + 190)) / 2 ** 20); // 0.000402451
    expect(mcnemarExactP(4, 4)).toBe(1); // a balanced split is capped at 1
    expect(mcnemarExactP(0, 6)).toBe(2 / 64);
  });

  it('agrees with exact integer arithmetic at thousands of flips, without underflow', () => {
    for (const [b, c] of [[10, 40], [100, 150], [1000, 1100], [2500, 2600], [40, 41]] as const) {
      expect(mcnemarExactP(b, c)).toBeCloseTo(mcnemarBigInt(b, c), 10);
    }
    expect(mcnemarExactP(1000, 1100)).toBeGreaterThan(0.02); // not rounded to 0 …
    expect(mcnemarExactP(1000, 1100)).toBeLessThan(0.04); // … nor to 1
  });

  it('refuses counts that are not non-negative integers', () => {
    expect(() => mcnemarExactP(-1, 2)).toThrow(/non-negative integers/);
    expect(() => mcnemarExactP(1.5, 2)).toThrow(/non-negative integers/);
  });
});

describe('the paired bootstrap', () => {
  it('gives the hand-computed interval for two differences', () => {
    // Resampling [0, 1] gives means 0, 0.5, 1 with chances 1/4, 1/2, 1/4: the 2.5% and 97.5%
    // points are 0 and 1.
    expect(pairedBootstrap([0, 1])).toEqual({ mean: 0.5, lo: 0, hi: 1 });
  });

  it('collapses to the value when every difference is the same', () => {
    const r = pairedBootstrap([0.25, 0.25, 0.25, 0.25]);
    expect([r.mean, r.lo, r.hi]).toEqual([0.25, 0.25, 0.25]);
  });

  it('is reproducible for a seed and moves with the seed', () => {
    const deltas = Array.from({ length: 40 }, (_, i) => ((i * 37) % 11) / 10 - 0.5);
    expect(pairedBootstrap(deltas, { seed: 7 })).toEqual(pairedBootstrap(deltas, { seed: 7 }));
    expect(pairedBootstrap(deltas, { seed: 7 })).not.toEqual(pairedBootstrap(deltas, { seed: 8 }));
  });

  it('comes close to the normal-theory interval on a larger sample', () => {
    const random = seededRandom(42);
    const deltas = Array.from({ length: 400 }, () => random() - 0.4);
    const m = deltas.reduce((a, b) => a + b, 0) / deltas.length;
    const sd = Math.sqrt(deltas.reduce((a, b) => a + (b - m) ** 2, 0) / (deltas.length - 1));
    const half = (1.96 * sd) / Math.sqrt(deltas.length);
    const r = pairedBootstrap(deltas, { resamples: 4000 });
    expect(r.mean).toBeCloseTo(m, 12);
    expect(Math.abs(r.lo - (m - half))).toBeLessThan(half * 0.1);
    expect(Math.abs(r.hi - (m + half))).toBeLessThan(half * 0.1);
  });

  it('says nothing about no differences', () => {
    const r = pairedBootstrap([]);
    expect([r.mean, r.lo, r.hi].every(Number.isNaN)).toBe(true);
  });
});

describe('helpers', () => {
  it('draws uniform numbers in [0, 1), the same sequence for the same seed', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const draws = Array.from({ length: 10_000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(0.5, 1);
  });

  it('interpolates quantiles as NumPy and R do by default (type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('bins latencies over shared edges, the tail in the last bin', () => {
    const edges = sharedEdges([[10, 20, 30, 40], [5]], 4);
    expect(edges[0]).toBe(0);
    expect(edges).toHaveLength(5);
    expect(histogram([0, 9.9, 10, 39, 1000], [0, 10, 20, 30, 40])).toEqual([2, 1, 0, 2]);
  });
});

// pass@k and pass^k against exact values: binomial coefficients worked by hand in the comments,
// and for a large n against exact integer arithmetic (BigInt).
import { describe, expect, it } from 'vitest';
import { passAtK, passHatK } from '../../../src/runner/stats/pass-at-k.js';

function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let out = 1n;
  for (let i = 1; i <= k; i++) out = (out * BigInt(n - k + i)) / BigInt(i);
  return out;
}

/** a / b as a double, exactly rounded enough for 15 digits. */
function ratio(a: bigint, b: bigint): number {
  const scale = 10n ** 30n;
  return Number((a * scale) / b) / 1e30;
}

describe('passAtK and passHatK', () => {
  it('match the binomial formulas on small cases worked by hand', () => {
    // n=5, c=2, k=3: 1 − C(3,3)/C(5,3) = 1 − 1/10; C(2,3) = 0.
    expect(passAtK(5, 2, 3)).toBeCloseTo(0.9, 15);
    expect(passHatK(5, 2, 3)).toBe(0);
    // n=10, c=6, k=3: 1 − C(4,3)/C(10,3) = 1 − 4/120 = 29/30; C(6,3)/C(10,3) = 20/120 = 1/6.
    expect(passAtK(10, 6, 3)).toBeCloseTo(29 / 30, 15);
    expect(passHatK(10, 6, 3)).toBeCloseTo(1 / 6, 15);
    // n=4, c=2, k=2: 1 − C(2,2)/C(4,2) = 5/6; C(2,2)/C(4,2) = 1/6.
    expect(passAtK(4, 2, 2)).toBeCloseTo(5 / 6, 15);
    expect(passHatK(4, 2, 2)).toBeCloseTo(1 / 6, 15);
  });

  it('are both the pass share c/n at k = 1', () => {
    expect(passAtK(7, 3, 1)).toBeCloseTo(3 / 7, 15);
    expect(passHatK(7, 3, 1)).toBeCloseTo(3 / 7, 15);
  });

  it('handle the edges: n = 1, c = 0, c = n, and k > n − c', () => {
    expect([passAtK(1, 0, 1), passHatK(1, 0, 1)]).toEqual([0, 0]);
    expect([passAtK(1, 1, 1), passHatK(1, 1, 1)]).toEqual([1, 1]);
    // No pass: neither can be above 0, at any k.
    expect([passAtK(8, 0, 3), passHatK(8, 0, 3)]).toEqual([0, 0]);
    // Every trial passed: both are 1.
    expect([passAtK(8, 8, 3), passHatK(8, 8, 3)]).toEqual([1, 1]);
    // Two failures, k = 3: any three trials hold a pass.
    expect(passAtK(5, 3, 3)).toBe(1);
    // With n = k (each sample's k trials), pass@k says "any passed" and pass^k "all passed".
    expect([passAtK(5, 1, 5), passHatK(5, 1, 5)]).toEqual([1, 0]);
    expect([passAtK(5, 5, 5), passHatK(5, 5, 5)]).toEqual([1, 1]);
  });

  it('stay exact for a large n (the product form, against integer arithmetic)', () => {
    const [n, c, k] = [200, 37, 10];
    expect(passAtK(n, c, k)).toBeCloseTo(1 - ratio(choose(n - c, k), choose(n, k)), 13);
    expect(passHatK(n, c, k)).toBeCloseTo(ratio(choose(c, k), choose(n, k)), 13);
  });

  it('refuse counts that make no sense, naming them', () => {
    expect(() => passAtK(3, 1, 4)).toThrow('got n=3, c=1, k=4');
    expect(() => passHatK(3, 4, 1)).toThrow(RangeError);
    expect(() => passAtK(3, 1, 0)).toThrow(RangeError);
    expect(() => passAtK(2.5, 1, 1)).toThrow(RangeError);
  });
});

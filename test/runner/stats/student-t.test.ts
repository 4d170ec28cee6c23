// The t critical value against scipy.stats.t.ppf(0.975, df) (SciPy 1.17), the exact series
// up to 100 df and the Cornish–Fisher expansion past that.
import { describe, expect, it } from 'vitest';
import { centralProbability, tCritical95, Z_975 } from '../../../src/runner/stats/student-t.js';

const SCIPY: [number, number][] = [
  [1, 12.706204736174694],
  [2, 4.302652729749462],
  [3, 3.1824463052837078],
  [4, 2.7764451051977934],
  [5, 2.5705818356363146],
  [9, 2.262157162798205],
  [10, 2.228138851986274],
  [19, 2.0930240544083087],
  [29, 2.045229642132703],
  [99, 1.9842169515864174],
  [100, 1.9839715185235518],
  [101, 1.983731002955606],
  [150, 1.9759053308966201],
  [1000, 1.9623390808264083],
  [100000, 1.9599877075346095],
];

describe('tCritical95', () => {
  it.each(SCIPY)('%i df: %f', (df, expected) => {
    expect(tCritical95(df)).toBeCloseTo(expected, df <= 100 ? 12 : 9);
  });

  it('has closed forms at 1 and 2 df: tan(0.475π) and √(0.9025·2 / 0.0975)', () => {
    expect(tCritical95(1)).toBeCloseTo(Math.tan(0.475 * Math.PI), 12);
    expect(tCritical95(2)).toBeCloseTo(Math.sqrt(1.805 / 0.0975), 12);
  });

  it('tends to the normal 1.96 and solves P(|T| ≤ t) = 0.95', () => {
    expect(tCritical95(1e9)).toBeCloseTo(Z_975, 8);
    for (const df of [3, 8, 30]) expect(centralProbability(tCritical95(df), df)).toBeCloseTo(0.95, 14);
  });

  it('refuses degrees of freedom that are not a whole number ≥ 1', () => {
    expect(() => tCritical95(0)).toThrow(RangeError);
    expect(() => tCritical95(2.5)).toThrow('got 2.5');
  });
});

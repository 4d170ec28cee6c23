import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../src/runner/latency-histogram.js';

function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('LatencyHistogram', () => {
  it('matches an exact nearest-rank computation within 1% on small data', () => {
    // A deterministic spread from 1 ms to ~2 s, including repeats.
    const values = Array.from({ length: 997 }, (_, i) => 1 + ((i * 7919) % 2000) + (i % 3) * 0.25);
    const h = new LatencyHistogram();
    for (const v of values) h.add(v);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = exactQuantile(values, q);
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(0.01);
    }
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(h.mean()).toBeCloseTo(mean, 9);
    expect(h.size).toBe(997);
  });

  it('handles empty, zero and single values', () => {
    const h = new LatencyHistogram();
    expect(h.quantile(0.5)).toBe(0);
    expect(h.mean()).toBe(0);
    h.add(0);
    h.add(0);
    h.add(100);
    expect(h.quantile(0.5)).toBe(0);
    expect(Math.abs(h.quantile(0.99) - 100)).toBeLessThan(1);
  });
});

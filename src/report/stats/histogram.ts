// Counts in equal-width bins over shared edges, so several cases' distributions can be drawn
// on one axis. The upper edge is the largest 99th percentile of the series, so one stray
// value does not squeeze the rest into a single bar; values above it count in the last bin.
import { quantile } from './quantile.js';

export function sharedEdges(series: readonly (readonly number[])[], bins: number): number[] {
  const tops = series.filter((s) => s.length > 0).map((s) => quantile(s, 0.99));
  const hi = Math.max(0, ...tops) || 1;
  return Array.from({ length: bins + 1 }, (_, i) => (hi * i) / bins);
}

export function histogram(values: readonly number[], edges: readonly number[]): number[] {
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  const width = edges[bins]! / bins;
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor(v / width)))]! += 1;
  return counts;
}

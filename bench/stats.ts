// Small statistics for noisy timings: medians, and a straight line through two sizes.

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The line through (x1, y1) and (x2, y2): seconds = intercept + slope × samples. */
export function line(x1: number, y1: number, x2: number, y2: number): { slope: number; intercept: number } {
  const slope = (y2 - y1) / (x2 - x1);
  return { slope, intercept: y1 - slope * x1 };
}

export const round = (x: number, digits: number): number => Number(x.toFixed(digits));

// US dollars as messages and tables show them: cents for sums worth them, three significant
// digits for the fractions of a cent a small eval costs ($0.000912), never a misleading $0.00.
export function usd(x: number): string {
  if (x === 0) return '$0';
  if (x >= 1) return `$${x.toFixed(2)}`;
  if (x >= 0.01) return `$${x.toFixed(4)}`;
  const digits = Math.min(12, Math.ceil(-Math.log10(x)) + 2);
  return `$${x.toFixed(digits).replace(/0+$/, '')}`;
}

// McNemar's exact test for paired pass/fail outcomes. Only the discordant pairs carry
// information: under "no change", each of the n = b + c flips is as likely to go either way,
// so the smaller count is Binomial(n, 1/2) and the two-sided p is twice its lower tail.

/** Up to here every C(n, i) is an integer below 2^53, so the tail is summed exactly. */
const EXACT_UP_TO = 50;

/**
 * Two-sided exact p-value for `b` pairs that went one way and `c` the other (1 when n = 0).
 * Exact in floating point for n ≤ 50; beyond, terms are built in log space so that thousands
 * of flips neither underflow nor overflow.
 */
export function mcnemarExactP(b: number, c: number): number {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) {
    throw new RangeError(`mcnemarExactP: counts must be non-negative integers, got ${b} and ${c}`);
  }
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  if (n <= EXACT_UP_TO) {
    let coefficient = 1;
    let count = 0;
    for (let i = 0; i <= k; i++) {
      count += coefficient;
      coefficient = (coefficient * (n - i)) / (i + 1); // stays an integer: C(n, i+1)
    }
    return Math.min(1, (2 * count) / 2 ** n);
  }
  let logTerm = -n * Math.LN2; // log of C(n, 0) / 2^n
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    tail += Math.exp(logTerm);
    logTerm += Math.log((n - i) / (i + 1)); // C(n, i+1) = C(n, i) · (n − i) / (i + 1)
  }
  return Math.min(1, 2 * tail);
}

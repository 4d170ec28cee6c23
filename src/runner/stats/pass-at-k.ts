// pass@k and pass^k for one sample, from n trials of which c passed: the unbiased estimators of
// the chance that k trials drawn from the n (without replacement) hold at least one pass
// (pass@k, Chen et al. 2021, "Evaluating Large Language Models Trained on Code") or only passes
// (pass^k, Yao et al. 2024, τ-bench). Both are products rather than binomial coefficients, so
// they stay exact-ish in floating point however large n grows. Pure: tests call them directly.

/** 1 − C(n−c, k) / C(n, k) = 1 − ∏_{i=n−c+1..n} (1 − k/i). */
export function passAtK(n: number, c: number, k: number): number {
  checkCounts(n, c, k);
  // Fewer than k failures: any k trials include a pass.
  if (n - c < k) return 1;
  let allFail = 1;
  for (let i = n - c + 1; i <= n; i++) allFail *= 1 - k / i;
  return 1 - allFail;
}

/** C(c, k) / C(n, k) = ∏_{i=0..k−1} (c−i) / (n−i). */
export function passHatK(n: number, c: number, k: number): number {
  checkCounts(n, c, k);
  if (c < k) return 0;
  let allPass = 1;
  for (let i = 0; i < k; i++) allPass *= (c - i) / (n - i);
  return allPass;
}

function checkCounts(n: number, c: number, k: number): void {
  const whole = (x: number): boolean => Number.isInteger(x) && x >= 0;
  if (!whole(n) || !whole(c) || !whole(k) || c > n || k < 1 || k > n) {
    throw new RangeError(`pass@k needs whole numbers with 0 ≤ c ≤ n and 1 ≤ k ≤ n; got n=${n}, c=${c}, k=${k}`);
  }
}

// Sums that do not depend on the order of their terms. Samples finish in whatever order the
// provider answers (or a replay, or a resumed run, serves them), and floating-point addition is
// not associative: a running `sum += x` gave two runs of the same samples summaries differing in
// the last digits. Shewchuk's exact summation (Python's math.fsum) keeps the sum as a few
// non-overlapping partials and rounds it once, correctly, at the end: the same terms give the
// same double, whatever their order.

export class ExactSum {
  /** Non-overlapping, increasing in magnitude; their exact sum is the sum so far. */
  private readonly parts: number[] = [];
  /** Infinities and NaN, which the partials cannot hold. */
  private special = 0;

  add(value: number): void {
    if (!Number.isFinite(value)) {
      this.special += value;
      return;
    }
    let x = value;
    let kept = 0;
    for (const part of this.parts) {
      let y = part;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) this.parts[kept++] = lo;
      x = hi;
    }
    this.parts.length = kept;
    this.parts.push(x);
  }

  /** The exact sum, as non-overlapping terms (for exact arithmetic on it). */
  terms(): readonly number[] {
    return this.parts;
  }

  /** The exact sum rounded once to the nearest double. */
  value(): number {
    if (this.special !== 0 || Number.isNaN(this.special)) return this.special;
    return roundedSum(this.parts);
  }
}

/** The correctly rounded sum of non-overlapping `parts` (ascending magnitude): fsum's last step. */
function roundedSum(parts: readonly number[]): number {
  let n = parts.length;
  if (n === 0) return 0;
  let hi = parts[--n]!;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = parts[--n]!;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // Half-way between two doubles: the rest of the partials decide which way it rounds.
  if (n > 0 && ((lo < 0 && parts[n - 1]! < 0) || (lo > 0 && parts[n - 1]! > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

const SPLITTER = 134_217_729; // 2^27 + 1

/** a × b as hi + lo exactly (Dekker's product; no overflow for the sizes summed here). */
export function exactProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, al * bl - (p - ah * bh - al * bh - ah * bl)];
}

function split(a: number): [number, number] {
  const c = SPLITTER * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

// The two-sided 95% critical value of Student's t with `df` degrees of freedom: the t with
// P(|T| ≤ t) = 0.95. Up to 100 df it solves the exact distribution function (Abramowitz &
// Stegun 26.7.3/26.7.4, a finite series for whole df) by bisection; past that the
// Cornish–Fisher expansion (A&S 26.7.5) around the normal quantile is exact to double
// precision for all practical purposes (its error falls as df⁻⁵).

/** The standard normal's 0.975 quantile. */
export const Z_975 = 1.959963984540054;
const SERIES_MAX_DF = 100;

export function tCritical95(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a whole number ≥ 1; got ${df}`);
  if (df > SERIES_MAX_DF) return cornishFisher(Z_975, df);
  let lo = 0;
  let hi = 100; // P(|T| ≤ 100) > 0.99 already at 1 df
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (centralProbability(mid, df) < 0.95) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(−t ≤ T ≤ t) for whole df: with θ = atan(t/√df), a finite series in cos θ. */
export function centralProbability(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const sin = Math.sin(theta);
  const cos2 = Math.cos(theta) ** 2;
  if (df % 2 === 0) {
    // sin θ · (1 + ½cos²θ + (1·3)/(2·4)cos⁴θ + … up to cos^(df−2)θ)
    let term = 1;
    let sum = 1;
    for (let j = 0; 2 * j + 2 <= df - 2; j++) {
      term *= (cos2 * (2 * j + 1)) / (2 * j + 2);
      sum += term;
    }
    return sin * sum;
  }
  // (2/π) · (θ + sin θ · (cos θ + ⅔cos³θ + (2·4)/(3·5)cos⁵θ + … up to cos^(df−2)θ))
  let sum = 0;
  if (df > 1) {
    let term = Math.cos(theta);
    sum = term;
    for (let j = 1; 2 * j + 1 <= df - 2; j++) {
      term *= (cos2 * 2 * j) / (2 * j + 1);
      sum += term;
    }
  }
  return (2 / Math.PI) * (theta + sin * sum);
}

function cornishFisher(x: number, df: number): number {
  const x2 = x * x;
  const g1 = (x * (x2 + 1)) / 4;
  const g2 = (x * ((5 * x2 + 16) * x2 + 3)) / 96;
  const g3 = (x * (((3 * x2 + 19) * x2 + 17) * x2 - 15)) / 384;
  const g4 = (x * ((((79 * x2 + 776) * x2 + 1482) * x2 - 1920) * x2 - 945)) / 92160;
  return x + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

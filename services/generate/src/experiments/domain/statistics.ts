/** The few distributions and tests experiments need; normal approximations throughout. */

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf; error under 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error 1e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const x =
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

export interface TestResult {
  statistic: number;
  /** Two-sided. */
  pValue: number;
}

/** Two-proportion z-test with the pooled proportion (H0: equal rates). */
export function twoProportionZ(successA: number, nA: number, successB: number, nB: number): TestResult {
  if (nA === 0 || nB === 0) return { statistic: 0, pValue: 1 };
  const pooled = (successA + successB) / (nA + nB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  if (se === 0) return { statistic: 0, pValue: 1 };
  const z = (successA / nA - successB / nB) / se;
  return { statistic: z, pValue: 2 * (1 - normalCdf(Math.abs(z))) };
}

/** A sample summarized by its count, sum and sum of squares. */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

export function mean({ n, sum }: Moments): number {
  return n === 0 ? 0 : sum / n;
}

export function variance({ n, sum, sumSq }: Moments): number {
  if (n < 2) return 0;
  return Math.max(0, (sumSq - (sum * sum) / n) / (n - 1));
}

/**
 * Welch's t for unequal variances, its p-value from the normal: experiments decide only after
 * min_samples (at least 30) per variant, where the t and the normal agree to a few percent.
 */
export function welch(a: Moments, b: Moments): TestResult {
  if (a.n < 2 || b.n < 2) return { statistic: 0, pValue: 1 };
  const se = Math.sqrt(variance(a) / a.n + variance(b) / b.n);
  if (se === 0) return { statistic: 0, pValue: 1 };
  const t = (mean(a) - mean(b)) / se;
  return { statistic: t, pValue: 2 * (1 - normalCdf(Math.abs(t))) };
}

export interface Interval {
  value: number;
  low: number;
  high: number;
}

/** Wilson score interval of a proportion at confidence 1 − alpha. */
export function wilsonInterval(successes: number, n: number, alpha: number): Interval {
  if (n === 0) return { value: 0, low: 0, high: 1 };
  const z = normalQuantile(1 - alpha / 2);
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Normal interval of a mean at confidence 1 − alpha. */
export function meanInterval(moments: Moments, alpha: number): Interval {
  const value = mean(moments);
  if (moments.n < 2) return { value, low: value, high: value };
  const half = normalQuantile(1 - alpha / 2) * Math.sqrt(variance(moments) / moments.n);
  return { value, low: value - half, high: value + half };
}

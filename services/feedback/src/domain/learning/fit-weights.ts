import { FACTOR_NAMES, type FactorName } from '@ragfleet/recommend/domain/scoring/index.ts';

/** One measured outcome: the factor values its recommendation was scored with, and its effectiveness. */
export interface Sample {
  factors: Record<FactorName, number>;
  effectiveness: number;
}

export interface FitSettings {
  /** L2 penalty of the ridge regression (on centered factors). */
  ridgeLambda: number;
  /** The fitted target counts n / (n + priorStrength): few outcomes move the weights little. */
  priorStrength: number;
  /** No weight moves more than this in one fit. */
  maxStep: number;
  /** Fewer samples than this: no fit. */
  minOutcomes: number;
}

export interface FitResult {
  weights: Record<FactorName, number>;
  /** Largest absolute change of one weight. */
  maxChange: number;
  /** Mean squared error of the composite Σ w·x against effectiveness, with the old and new weights. */
  errorBefore: number;
  errorAfter: number;
  outcomes: number;
}

export const FIT_METHOD = 'ridge-nonneg-shrunk';

/**
 * New weights from measured outcomes, or undefined below minOutcomes. Method:
 * 1. ridge regression of effectiveness on the six factor values, centered (an intercept absorbs
 *    the mean), β = (XᵀX + λI)⁻¹ Xᵀy;
 * 2. negative coefficients clipped to 0 (a factor the scorer adds cannot lower a score), then
 *    normalized to sum 1: the direction the outcomes point to (if every β ≤ 0, no direction:
 *    the current weights are kept);
 * 3. shrunk toward the current weights by s = n / (n + priorStrength);
 * 4. the move scaled down, as one vector, so that no weight moves more than maxStep. Scaling the
 *    whole move (rather than clipping each weight and renormalizing) keeps the sum at exactly 1
 *    and every cap exact, and keeps the direction the data chose.
 */
export function fitWeights(
  samples: readonly Sample[],
  current: Record<FactorName, number>,
  settings: FitSettings,
): FitResult | undefined {
  const n = samples.length;
  if (n < settings.minOutcomes || n === 0) return undefined;
  const beta = ridge(samples, settings.ridgeLambda);
  const clipped = beta.map((b) => Math.max(0, b));
  const total = clipped.reduce((sum, b) => sum + b, 0);
  const target = FACTOR_NAMES.map((name, i) => (total > 0 ? (clipped[i] ?? 0) / total : current[name]));
  const shrink = n / (n + settings.priorStrength);
  const move = FACTOR_NAMES.map((name, i) => shrink * ((target[i] ?? 0) - current[name]));
  const largest = Math.max(...move.map(Math.abs));
  const scale = largest > settings.maxStep ? settings.maxStep / largest : 1;
  const raw = FACTOR_NAMES.map((name, i) => Math.max(0, current[name] + scale * (move[i] ?? 0)));
  const sum = raw.reduce((s, w) => s + w, 0);
  const weights = Object.fromEntries(FACTOR_NAMES.map((name, i) => [name, (raw[i] ?? 0) / sum])) as Record<
    FactorName,
    number
  >;
  return {
    weights,
    maxChange: Math.max(...FACTOR_NAMES.map((name) => Math.abs(weights[name] - current[name]))),
    errorBefore: compositeError(samples, current),
    errorAfter: compositeError(samples, weights),
    outcomes: n,
  };
}

/** Mean squared error of Σ w·x (the composite score / 100) against effectiveness. */
export function compositeError(samples: readonly Sample[], weights: Record<FactorName, number>): number {
  if (samples.length === 0) return 0;
  let total = 0;
  for (const sample of samples) {
    const composite = FACTOR_NAMES.reduce((sum, name) => sum + weights[name] * sample.factors[name], 0);
    total += (composite - sample.effectiveness) ** 2;
  }
  return total / samples.length;
}

/** β of the centered ridge regression, in FACTOR_NAMES order. */
function ridge(samples: readonly Sample[], lambda: number): number[] {
  const k = FACTOR_NAMES.length;
  const n = samples.length;
  const xs = samples.map((s) => FACTOR_NAMES.map((name) => s.factors[name]));
  const means = FACTOR_NAMES.map((_, j) => xs.reduce((sum, x) => sum + (x[j] ?? 0), 0) / n);
  const yMean = samples.reduce((sum, s) => sum + s.effectiveness, 0) / n;
  const a = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? lambda : 0)));
  const b = new Array<number>(k).fill(0);
  xs.forEach((x, row) => {
    const y = (samples[row]?.effectiveness ?? 0) - yMean;
    for (let i = 0; i < k; i++) {
      const xi = (x[i] ?? 0) - (means[i] ?? 0);
      b[i] = (b[i] ?? 0) + xi * y;
      const ai = a[i] ?? [];
      for (let j = 0; j < k; j++) ai[j] = (ai[j] ?? 0) + xi * ((x[j] ?? 0) - (means[j] ?? 0));
    }
  });
  return solve(a, b);
}

/** Gaussian elimination with partial pivoting; λ > 0 keeps the matrix positive definite. */
function solve(matrix: number[][], vector: number[]): number[] {
  const k = vector.length;
  const m = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let row = col + 1; row < k; row++) {
      if (Math.abs(m[row]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = row;
    }
    [m[col], m[pivot]] = [m[pivot] ?? [], m[col] ?? []];
    const lead = m[col]?.[col] ?? 0;
    if (Math.abs(lead) < 1e-12) continue;
    for (let row = 0; row < k; row++) {
      if (row === col) continue;
      const factor = (m[row]?.[col] ?? 0) / lead;
      const target = m[row] ?? [];
      for (let j = col; j <= k; j++) target[j] = (target[j] ?? 0) - factor * (m[col]?.[j] ?? 0);
    }
  }
  return Array.from({ length: k }, (_, i) => {
    const lead = m[i]?.[i] ?? 0;
    return Math.abs(lead) < 1e-12 ? 0 : (m[i]?.[k] ?? 0) / lead;
  });
}

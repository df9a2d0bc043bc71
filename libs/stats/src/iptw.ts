import type { ConfidenceInterval } from './descriptive';
import { quantile, sum } from './descriptive';
import { normalTwoSidedP, zForLevel } from './distributions';

/** P(received treatment) for a binary propensity score e = P(treated | X). */
export function receivedProbabilityBinary(ps: readonly number[], treated: readonly (number | boolean)[]): number[] {
  if (ps.length !== treated.length) throw new RangeError('ps and treated differ in length');
  return ps.map((e, i) => (Number(treated[i]) ? e : 1 - e));
}

/**
 * P(received treatment) from generalized propensity scores (rows of class probabilities,
 * e.g. multinomial fitted values) and the index of each subject's treatment.
 */
export function receivedProbability(probabilities: readonly (readonly number[])[], classIndex: readonly number[]): number[] {
  if (probabilities.length !== classIndex.length) throw new RangeError('probabilities and classIndex differ in length');
  return probabilities.map((row, i) => {
    const p = row[classIndex[i]];
    if (p === undefined) throw new RangeError(`class index ${classIndex[i]} out of range`);
    return p;
  });
}

export interface IptwOptions<T> {
  /**
   * Multiply by the marginal probability of the treatment received, P(T = t) = n_t / n
   * (Robins, Hernan & Brumback 2000). Needs `treatment`.
   */
  stabilize?: boolean;
  treatment?: readonly T[];
}

/**
 * ATE weights 1 / P(T = t_i | X_i) for the treatment actually received (works for any
 * number of treatments), optionally stabilized.
 */
export function iptwWeights<T>(probabilityReceived: readonly number[], options: IptwOptions<T> = {}): number[] {
  for (const p of probabilityReceived) {
    if (!(p > 0 && p <= 1)) throw new RangeError(`probability of the received treatment must be in (0, 1], got ${p}`);
  }
  if (!options.stabilize) return probabilityReceived.map((p) => 1 / p);
  const t = options.treatment;
  if (!t || t.length !== probabilityReceived.length) throw new RangeError('stabilized weights need a treatment per subject');
  const counts = new Map<T, number>();
  for (const v of t) counts.set(v, (counts.get(v) ?? 0) + 1);
  return probabilityReceived.map((p, i) => (counts.get(t[i]) as number) / t.length / p);
}

/** Cap weights at absolute bounds (truncation keeps every subject, unlike trimming). */
export function truncateWeights(weights: readonly number[], bounds: { lower?: number; upper?: number }): number[] {
  const lo = bounds.lower ?? -Infinity;
  const hi = bounds.upper ?? Infinity;
  if (lo > hi) throw new RangeError('lower bound exceeds upper bound');
  return weights.map((w) => Math.min(hi, Math.max(lo, w)));
}

/**
 * Truncate weights at their own percentiles, e.g. 1st and 99th (Cole & Hernan 2008, Am J
 * Epidemiol 168:656), percentiles by R's type 7 definition.
 */
export function truncateWeightsAtPercentiles(weights: readonly number[], lowerPercentile = 0.01, upperPercentile = 0.99): number[] {
  if (!(lowerPercentile >= 0 && upperPercentile <= 1 && lowerPercentile <= upperPercentile)) {
    throw new RangeError('percentiles must satisfy 0 <= lower <= upper <= 1');
  }
  return truncateWeights(weights, { lower: quantile(weights, lowerPercentile), upper: quantile(weights, upperPercentile) });
}

/**
 * Which subjects to keep when trimming by propensity (Crump et al. 2009, Biometrika 96:187:
 * keep alpha <= e <= 1 - alpha, alpha = 0.1 by their rule of thumb). For generalized scores
 * (rows of class probabilities) a subject is kept when every class probability is >= alpha.
 */
export function trimByPropensity(ps: readonly (number | readonly number[])[], alpha = 0.1): boolean[] {
  if (!(alpha >= 0 && alpha < 0.5)) throw new RangeError('alpha must be in [0, 0.5)');
  return ps.map((e) => (typeof e === 'number' ? e >= alpha && e <= 1 - alpha : e.every((p) => p >= alpha)));
}

export interface WeightedMeanCI extends ConfidenceInterval {
  mean: number;
  se: number;
  n: number;
  sumWeights: number;
}

function hajek(y: readonly number[], w: readonly number[]): { mean: number; variance: number; sumWeights: number } {
  if (y.length !== w.length) throw new RangeError('values and weights differ in length');
  if (y.length === 0) throw new RangeError('no observations');
  const sw = sum(w);
  if (!(sw > 0)) throw new RangeError('weights sum to zero');
  const m = sum(y.map((v, i) => v * w[i])) / sw;
  // Sandwich (HC0) variance of the ratio estimator sum(w y) / sum(w), weights treated as
  // known: the same as the robust SE of a weighted regression on an intercept.
  const variance = sum(y.map((v, i) => (w[i] * (v - m)) ** 2)) / (sw * sw);
  return { mean: m, variance, sumWeights: sw };
}

/** Hajek weighted mean with a normal-theory CI from the robust sandwich variance. */
export function weightedMeanCI(y: readonly number[], w: readonly number[], level = 0.95): WeightedMeanCI {
  const z = zForLevel(level);
  const h = hajek(y, w);
  const se = Math.sqrt(h.variance);
  return { mean: h.mean, se, n: y.length, sumWeights: h.sumWeights, lower: h.mean - z * se, upper: h.mean + z * se, level };
}

export interface WeightedDifference extends ConfidenceInterval {
  /** mean1 - mean2 */
  difference: number;
  mean1: number;
  mean2: number;
  se: number;
  z: number;
  pValue: number;
}

/**
 * Difference of Hajek weighted means between two groups with the sandwich SE. Equal to
 * the treatment coefficient and its HC0 robust SE from weighted least squares of y on a
 * group indicator. It ignores estimation of the propensity model, which makes it somewhat
 * conservative for the ATE (Lunceford & Davidian 2004, Stat Med 23:2937); the bootstrap that
 * refits the model is the alternative.
 */
export function weightedMeanDifference(
  y1: readonly number[],
  w1: readonly number[],
  y2: readonly number[],
  w2: readonly number[],
  level = 0.95,
): WeightedDifference {
  const zc = zForLevel(level);
  const a = hajek(y1, w1);
  const b = hajek(y2, w2);
  const difference = a.mean - b.mean;
  const se = Math.sqrt(a.variance + b.variance);
  const z = difference / se;
  return {
    difference,
    mean1: a.mean,
    mean2: b.mean,
    se,
    z,
    pValue: normalTwoSidedP(z),
    lower: difference - zc * se,
    upper: difference + zc * se,
    level,
  };
}

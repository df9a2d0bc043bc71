import { mean, variance } from './descriptive';
import { weightedMean, weightedVariance } from './weighted';

// Standardized differences after Austin (2009, Stat Med 28:3083-3107, eqs. 1 and 2). Sign
// convention: group 1 minus group 2. Balance tables usually show the absolute value.

/** (m1 - m2) / sqrt((s1^2 + s2^2) / 2) from summary statistics. */
export function smdFromSummary(mean1: number, sd1: number, mean2: number, sd2: number): number {
  const pooled = Math.sqrt((sd1 * sd1 + sd2 * sd2) / 2);
  if (pooled === 0) return mean1 === mean2 ? 0 : Math.sign(mean1 - mean2) * Infinity;
  return (mean1 - mean2) / pooled;
}

/** Continuous covariate, raw data per group. */
export function smdContinuous(x1: readonly number[], x2: readonly number[]): number {
  return smdFromSummary(mean(x1), Math.sqrt(variance(x1)), mean(x2), Math.sqrt(variance(x2)));
}

/** (p1 - p2) / sqrt((p1(1 - p1) + p2(1 - p2)) / 2) for a binary covariate's prevalences. */
export function smdBinary(p1: number, p2: number): number {
  const pooled = Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2);
  if (pooled === 0) return p1 === p2 ? 0 : Math.sign(p1 - p2) * Infinity;
  return (p1 - p2) / pooled;
}

/** Binary covariate, raw 0/1 (or boolean) data per group. */
export function smdBinaryData(x1: readonly (number | boolean)[], x2: readonly (number | boolean)[]): number {
  return smdBinary(mean(x1.map(Number)), mean(x2.map(Number)));
}

/**
 * Weighted SMD for a continuous covariate (Austin & Stuart 2015): weighted means and
 * weighted variances replace the unweighted ones in Austin's formula.
 */
export function weightedSmdContinuous(x1: readonly number[], w1: readonly number[], x2: readonly number[], w2: readonly number[]): number {
  return smdFromSummary(weightedMean(x1, w1), Math.sqrt(weightedVariance(x1, w1)), weightedMean(x2, w2), Math.sqrt(weightedVariance(x2, w2)));
}

/** Weighted SMD for a binary covariate: weighted prevalences in Austin's binary formula. */
export function weightedSmdBinary(x1: readonly (number | boolean)[], w1: readonly number[], x2: readonly (number | boolean)[], w2: readonly number[]): number {
  return smdBinary(weightedMean(x1.map(Number), w1), weightedMean(x2.map(Number), w2));
}

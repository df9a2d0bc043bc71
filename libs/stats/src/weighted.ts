import { sum } from './descriptive';

function assertWeights(x: readonly number[], w: readonly number[]): void {
  if (x.length !== w.length) throw new RangeError(`values (${x.length}) and weights (${w.length}) differ in length`);
  if (x.length === 0) throw new RangeError('weighted statistic needs at least one value');
  for (const v of w) if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`weights must be finite and >= 0, got ${v}`);
  if (!(sum(w) > 0)) throw new RangeError('weights sum to zero');
}

export function weightedMean(x: readonly number[], w: readonly number[]): number {
  assertWeights(x, w);
  return sum(x.map((v, i) => v * w[i])) / sum(w);
}

/**
 * Weighted variance with the reliability-weights correction
 * sum(w) / (sum(w)^2 - sum(w^2)) * sum(w (x - mean_w)^2), as in Austin & Stuart (2015,
 * Stat Med 34:3661, section 4.1.1). With all weights equal it is the usual n - 1 variance,
 * so balance before and after weighting is measured on the same footing.
 */
export function weightedVariance(x: readonly number[], w: readonly number[]): number {
  assertWeights(x, w);
  const sw = sum(w);
  const sw2 = sum(w.map((v) => v * v));
  const denom = sw * sw - sw2;
  if (!(denom > 0)) return NaN;
  const m = weightedMean(x, w);
  return (sw / denom) * sum(x.map((v, i) => w[i] * (v - m) ** 2));
}

export function weightedSd(x: readonly number[], w: readonly number[]): number {
  return Math.sqrt(weightedVariance(x, w));
}

/** Kish (1965) effective sample size, (sum w)^2 / sum w^2; equals n when all weights are equal. */
export function effectiveSampleSize(w: readonly number[]): number {
  if (w.length === 0) return 0;
  const sw = sum(w);
  const sw2 = sum(w.map((v) => v * v));
  return sw2 > 0 ? (sw * sw) / sw2 : 0;
}

// Single import point for the stdlib distribution functions, so the rest of the library
// never depends on how those CommonJS packages are loaded.
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';
import tCdfImpl from '@stdlib/stats-base-dists-t-cdf';
import normalQuantileImpl from '@stdlib/stats-base-dists-normal-quantile';
import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import chiSquareCdfImpl from '@stdlib/stats-base-dists-chisquare-cdf';
import gammaincImpl from '@stdlib/math-base-special-gammainc';

export function tQuantile(p: number, df: number): number {
  return tQuantileImpl(p, df);
}

export function tCdf(x: number, df: number): number {
  return tCdfImpl(x, df);
}

export function normalQuantile(p: number): number {
  return normalQuantileImpl(p, 0, 1);
}

export function normalCdf(x: number): number {
  return normalCdfImpl(x, 0, 1);
}

export function chiSquareCdf(x: number, df: number): number {
  return chiSquareCdfImpl(x, df);
}

/**
 * Upper-tail p-value of a chi-square statistic, P(X >= x) = Q(df / 2, x / 2), the regularized
 * upper incomplete gamma function evaluated directly. 1 - cdf would lose everything below
 * about 1e-16 to cancellation and report 0; this keeps the magnitude down to the smallest
 * double, as R's pchisq(x, df, lower.tail = FALSE) does.
 */
export function chiSquarePValue(statistic: number, df: number): number {
  if (Number.isNaN(statistic) || Number.isNaN(df) || df <= 0) return NaN;
  if (statistic <= 0) return 1;
  return gammaincImpl(statistic / 2, df / 2, true, true);
}

/** Two-sided p-value of a standard normal statistic, 2 P(Z <= -|z|), without 1 - cdf cancellation. */
export function normalTwoSidedP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/** Two-sided p-value of a Student t statistic, 2 P(T <= -|t|), without 1 - cdf cancellation. */
export function tTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** Two-sided z quantile for a confidence level, e.g. 0.95 -> 1.959964. */
export function zForLevel(level: number): number {
  assertLevel(level);
  return normalQuantile(1 - (1 - level) / 2);
}

export function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}

// Single import point for the stdlib distribution functions, so the rest of the library
// never depends on how those CommonJS packages are loaded.
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';
import tCdfImpl from '@stdlib/stats-base-dists-t-cdf';
import normalQuantileImpl from '@stdlib/stats-base-dists-normal-quantile';
import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import chiSquareCdfImpl from '@stdlib/stats-base-dists-chisquare-cdf';

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

/** Upper-tail p-value of a chi-square statistic. */
export function chiSquarePValue(statistic: number, df: number): number {
  return 1 - chiSquareCdf(statistic, df);
}

/** Two-sided z quantile for a confidence level, e.g. 0.95 -> 1.959964. */
export function zForLevel(level: number): number {
  assertLevel(level);
  return normalQuantile(1 - (1 - level) / 2);
}

export function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}

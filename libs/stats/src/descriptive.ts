import { assertLevel, tQuantile, tTwoSidedP } from './distributions';

export interface ConfidenceInterval {
  lower: number;
  upper: number;
  level: number;
}

function assertNonEmpty(x: readonly number[], what: string, min = 1): void {
  if (x.length < min) throw new RangeError(`${what} needs at least ${min} value(s), got ${x.length}`);
}

export function sum(x: readonly number[]): number {
  // Neumaier summation: registry cohorts can be large and the balance tables compare
  // means to 3 decimals, so we avoid drift from naive accumulation.
  let s = 0;
  let c = 0;
  for (const v of x) {
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

export function mean(x: readonly number[]): number {
  assertNonEmpty(x, 'mean');
  return sum(x) / x.length;
}

/** Sample variance with the n - 1 denominator. */
export function variance(x: readonly number[]): number {
  assertNonEmpty(x, 'variance', 2);
  const m = mean(x);
  return sum(x.map((v) => (v - m) ** 2)) / (x.length - 1);
}

/** Sample standard deviation with the n - 1 denominator. */
export function sd(x: readonly number[]): number {
  return Math.sqrt(variance(x));
}

/**
 * Quantile by Hyndman & Fan (1996) definition 7, R's default: linear interpolation
 * between order statistics at h = (n - 1) p.
 */
export function quantile(x: readonly number[], p: number): number {
  assertNonEmpty(x, 'quantile');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  const s = [...x].sort((a, b) => a - b);
  return quantileSorted(s, p);
}

export function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function median(x: readonly number[]): number {
  return quantile(x, 0.5);
}

export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
  iqr: number;
}

export function quartiles(x: readonly number[]): Quartiles {
  assertNonEmpty(x, 'quartiles');
  const s = [...x].sort((a, b) => a - b);
  const q1 = quantileSorted(s, 0.25);
  const q3 = quantileSorted(s, 0.75);
  return { q1, median: quantileSorted(s, 0.5), q3, iqr: q3 - q1 };
}

export function iqr(x: readonly number[]): number {
  return quartiles(x).iqr;
}

export interface MeanCI extends ConfidenceInterval {
  n: number;
  mean: number;
  sd: number;
  se: number;
  df: number;
}

/** Mean with a Student t confidence interval (mean +/- t(1 - alpha/2, n - 1) * sd / sqrt(n)). */
export function meanCI(x: readonly number[], level = 0.95): MeanCI {
  assertLevel(level);
  assertNonEmpty(x, 'meanCI', 2);
  const n = x.length;
  const m = mean(x);
  const s = sd(x);
  const se = s / Math.sqrt(n);
  const t = tQuantile(1 - (1 - level) / 2, n - 1);
  return { n, mean: m, sd: s, se, df: n - 1, lower: m - t * se, upper: m + t * se, level };
}

export interface Summary {
  n: number;
  mean: number;
  sd: number;
  se: number;
  lower: number;
  upper: number;
  level: number;
  median: number;
  q1: number;
  q3: number;
  iqr: number;
  min: number;
  max: number;
}

/**
 * Everything the outcome trajectory shows for one group at one time point. With a single
 * value the SD and CI are NaN rather than an exception, since small cells are routine.
 */
export function summarize(x: readonly number[], level = 0.95): Summary {
  assertNonEmpty(x, 'summarize');
  const q = quartiles(x);
  const ci: Pick<MeanCI, 'sd' | 'se' | 'lower' | 'upper'> = x.length >= 2 ? meanCI(x, level) : { sd: NaN, se: NaN, lower: NaN, upper: NaN };
  return {
    n: x.length,
    mean: mean(x),
    sd: ci.sd,
    se: ci.se,
    lower: ci.lower,
    upper: ci.upper,
    level,
    median: q.median,
    q1: q.q1,
    q3: q.q3,
    iqr: q.iqr,
    min: Math.min(...x),
    max: Math.max(...x),
  };
}

export interface MeanDifference extends ConfidenceInterval {
  /** mean(x) - mean(y) */
  difference: number;
  se: number;
  /** Welch-Satterthwaite degrees of freedom. */
  df: number;
  t: number;
  pValue: number;
  meanX: number;
  meanY: number;
}

/** Difference of two means with the Welch (unequal variances) t interval, as R's t.test default. */
export function welchMeanDifference(x: readonly number[], y: readonly number[], level = 0.95): MeanDifference {
  assertLevel(level);
  assertNonEmpty(x, 'welchMeanDifference x', 2);
  assertNonEmpty(y, 'welchMeanDifference y', 2);
  const vx = variance(x) / x.length;
  const vy = variance(y) / y.length;
  const se = Math.sqrt(vx + vy);
  const df = (vx + vy) ** 2 / (vx ** 2 / (x.length - 1) + vy ** 2 / (y.length - 1));
  const meanX = mean(x);
  const meanY = mean(y);
  const difference = meanX - meanY;
  const tCrit = tQuantile(1 - (1 - level) / 2, df);
  const t = difference / se;
  return {
    difference,
    se,
    df,
    t,
    pValue: tTwoSidedP(t, df),
    meanX,
    meanY,
    lower: difference - tCrit * se,
    upper: difference + tCrit * se,
    level,
  };
}

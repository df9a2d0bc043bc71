import { quantileSorted } from './descriptive';
import { assertLevel } from './distributions';
import { mulberry32, randomInt } from './random';

export interface BootstrapOptions<T> {
  replicates?: number;
  level?: number;
  seed?: number;
  /**
   * Resample within strata (e.g. treatment group) so that every replicate keeps the group
   * sizes, and group-wise statistics stay defined.
   */
  strata?: (item: T) => string | number;
}

export interface BootstrapResult {
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  /** Replicates whose statistic was not finite are dropped and counted here. */
  failed: number;
  replicates: number[];
  se: number;
}

/**
 * Nonparametric percentile bootstrap (Efron & Tibshirani 1993, ch. 13). For IPTW the
 * statistic should re-estimate the propensity model on each resample so that the interval
 * reflects the uncertainty of the weights too.
 */
export function bootstrapPercentile<T>(data: readonly T[], statistic: (sample: readonly T[]) => number, options: BootstrapOptions<T> = {}): BootstrapResult {
  const replicates = options.replicates ?? 2000;
  const level = options.level ?? 0.95;
  assertLevel(level);
  if (data.length === 0) throw new RangeError('bootstrap needs data');
  const random = mulberry32(options.seed ?? 20240601);
  const groups = new Map<string | number, T[]>();
  for (const item of data) {
    const key = options.strata ? options.strata(item) : 0;
    const g = groups.get(key);
    if (g) g.push(item);
    else groups.set(key, [item]);
  }
  const estimate = statistic(data);
  const values: number[] = [];
  let failed = 0;
  for (let b = 0; b < replicates; b++) {
    const sample: T[] = [];
    for (const g of groups.values()) for (let i = 0; i < g.length; i++) sample.push(g[randomInt(random, g.length)]);
    const v = statistic(sample);
    if (Number.isFinite(v)) values.push(v);
    else failed++;
  }
  values.sort((a, b) => a - b);
  const alpha = 1 - level;
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  const se = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1));
  return {
    estimate,
    lower: values.length ? quantileSorted(values, alpha / 2) : NaN,
    upper: values.length ? quantileSorted(values, 1 - alpha / 2) : NaN,
    level,
    failed,
    replicates: values,
    se,
  };
}

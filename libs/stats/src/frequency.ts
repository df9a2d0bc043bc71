// Summaries of a frequency table (each distinct value with how often it occurs). The database
// returns scores grouped this way, so a figure over 100,000 patients travels as a few hundred rows;
// the results equal those computed from the expanded values.

import { tQuantile } from './distributions';

export interface FrequencyTable {
  /** Distinct values. */
  values: readonly number[];
  /** How often each value occurs (positive integers). */
  counts: readonly number[];
}

export interface FrequencySummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1); null for n < 2. */
  sd: number | null;
  q1: number;
  median: number;
  q3: number;
}

/** The p-quantile of the expanded values, by the same rule as `quantile` (type 7, linear). */
export function frequencyQuantile(table: FrequencyTable, p: number): number {
  const order = table.values.map((_, i) => i).sort((a, b) => table.values[a] - table.values[b]);
  const n = table.counts.reduce((s, c) => s + c, 0);
  if (n === 0) throw new RangeError('frequencyQuantile needs at least one value');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const at = (k: number): number => {
    let seen = 0;
    for (const i of order) {
      seen += table.counts[i];
      if (k < seen) return table.values[i];
    }
    return table.values[order[order.length - 1]];
  };
  const lo = Math.floor(h);
  const a = at(lo);
  return h === lo ? a : a + (h - lo) * (at(lo + 1) - a);
}

export function frequencySummary(table: FrequencyTable): FrequencySummary {
  const n = table.counts.reduce((s, c) => s + c, 0);
  if (n === 0) throw new RangeError('frequencySummary needs at least one value');
  const mean = table.values.reduce((s, v, i) => s + v * table.counts[i], 0) / n;
  const ss = table.values.reduce((s, v, i) => s + table.counts[i] * (v - mean) ** 2, 0);
  return {
    n,
    mean,
    sd: n < 2 ? null : Math.sqrt(ss / (n - 1)),
    q1: frequencyQuantile(table, 0.25),
    median: frequencyQuantile(table, 0.5),
    q3: frequencyQuantile(table, 0.75),
  };
}

/** Mean and sample SD from a count, a sum and a sum of squares (as aggregated in SQL). */
export function momentsFromSums(n: number, sum: number, sumOfSquares: number): { mean: number | null; sd: number | null } {
  if (n === 0) return { mean: null, sd: null };
  const mean = sum / n;
  if (n < 2) return { mean, sd: null };
  return { mean, sd: Math.sqrt(Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1))) };
}

/**
 * The Student t interval of a mean from its count, mean and sample SD (as aggregated in SQL, so
 * that the values need not leave the database): the same interval as meanCI over the values.
 * Null below two values, where it is undefined.
 */
export function tInterval(n: number, mean: number | null, sd: number | null, level = 0.95): { lower: number | null; upper: number | null } {
  if (mean === null || sd === null || n < 2) return { lower: null, upper: null };
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { lower: mean - half, upper: mean + half };
}

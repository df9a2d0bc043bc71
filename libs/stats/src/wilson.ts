import type { ConfidenceInterval } from './descriptive';
import { zForLevel } from './distributions';

export interface ProportionCI extends ConfidenceInterval {
  x: number;
  n: number;
  proportion: number;
}

function assertCounts(x: number, n: number): void {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n <= 0 || x < 0 || x > n) {
    throw new RangeError(`need integers 0 <= x <= n, n > 0; got x=${x}, n=${n}`);
  }
}

/**
 * Wilson (1927) score interval without continuity correction, Newcombe (1998) method 3.
 * Chosen over the Wald interval because responder and complication rates are often near 0
 * or based on small cells, where Wald collapses or overshoots [0, 1].
 */
export function wilsonInterval(x: number, n: number, level = 0.95): ProportionCI {
  assertCounts(x, n);
  const z = zForLevel(level);
  const p = x / n;
  const z2 = z * z;
  const centre = 2 * x + z2;
  const spread = z * Math.sqrt(z2 + 4 * x * (1 - p));
  const denom = 2 * (n + z2);
  // At x = 0 or x = n one bound is exactly 0 or 1; computing it by the formula would give
  // a rounding-level deviation.
  const lower = x === 0 ? 0 : (centre - spread) / denom;
  const upper = x === n ? 1 : (centre + spread) / denom;
  return { x, n, proportion: p, lower, upper, level };
}

export interface ProportionDifferenceCI extends ConfidenceInterval {
  /** p1 - p2 */
  difference: number;
  p1: number;
  p2: number;
}

/**
 * Newcombe (1998) hybrid score interval for p1 - p2 (method 10), built from the two
 * Wilson intervals; it keeps good coverage when one group has 0 events, unlike Wald.
 */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, level = 0.95): ProportionDifferenceCI {
  const a = wilsonInterval(x1, n1, level);
  const b = wilsonInterval(x2, n2, level);
  const d = a.proportion - b.proportion;
  const lower = d - Math.sqrt((a.proportion - a.lower) ** 2 + (b.upper - b.proportion) ** 2);
  const upper = d + Math.sqrt((a.upper - a.proportion) ** 2 + (b.proportion - b.lower) ** 2);
  return { difference: d, p1: a.proportion, p2: b.proportion, lower, upper, level };
}

import { chiSquarePValue } from './distributions';
import { invert } from './matrix';

export interface LogRankGroup<G> {
  group: G;
  n: number;
  observed: number;
  expected: number;
  /** (O - E)^2 / E, the approximate per-group contribution R's survdiff prints. */
  oeOverE: number;
  /** (O - E)^2 / V with V the group's own variance (diagonal of the variance matrix). */
  oeOverV: number;
}

export interface LogRankResult<G> {
  groups: LogRankGroup<G>[];
  chiSquare: number;
  df: number;
  pValue: number;
  /** Variance-covariance matrix of O - E, groups in the order of `groups`. */
  variance: number[][];
}

/**
 * Log-rank (Mantel-Haenszel) test for k groups, the rho = 0 member of R's survdiff. The
 * statistic is (O - E)' V^-1 (O - E) over the first k - 1 groups (V is singular for all k),
 * with k - 1 degrees of freedom, using the hypergeometric variance with the tie correction.
 * Groups are ordered by first appearance in `group`. `counts`, if given, says how many subjects
 * each entry stands for (default 1 each), so that subjects with the same time, status and group
 * can travel as one entry.
 */
export function logRankTest<G>(
  time: readonly number[],
  event: readonly (number | boolean)[],
  group: readonly G[],
  counts?: readonly number[],
): LogRankResult<G> {
  if (time.length !== event.length || time.length !== group.length) {
    throw new RangeError('time, event and group differ in length');
  }
  if (counts && counts.length !== time.length) throw new RangeError('time and counts differ in length');
  for (const w of counts ?? []) if (!Number.isInteger(w) || w < 0) throw new RangeError(`counts must be whole numbers of 0 or more, got ${w}`);
  const labels: G[] = [];
  const index = new Map<G, number>();
  for (const g of group) if (!index.has(g)) index.set(g, labels.push(g) - 1);
  const k = labels.length;
  if (k < 2) throw new RangeError('log-rank test needs at least two groups');

  const obs = time.map((t, i) => ({ t, d: Number(event[i]) ? 1 : 0, w: counts ? counts[i] : 1, g: index.get(group[i]) as number }));
  obs.sort((a, b) => a.t - b.t);
  const atRisk = new Array<number>(k).fill(0);
  for (const o of obs) atRisk[o.g] += o.w;
  const n = [...atRisk];
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const v = Array.from({ length: k }, () => new Array<number>(k).fill(0));

  for (let i = 0; i < obs.length;) {
    const t = obs[i].t;
    const dg = new Array<number>(k).fill(0);
    const leaving = new Array<number>(k).fill(0);
    while (i < obs.length && obs[i].t === t) {
      dg[obs[i].g] += obs[i].d * obs[i].w;
      leaving[obs[i].g] += obs[i].w;
      i++;
    }
    const d = dg.reduce((a, b) => a + b, 0);
    const nt = atRisk.reduce((a, b) => a + b, 0);
    if (d > 0) {
      const tie = nt > 1 ? (d * (nt - d)) / (nt - 1) : 0;
      for (let a = 0; a < k; a++) {
        observed[a] += dg[a];
        expected[a] += (d * atRisk[a]) / nt;
        for (let b = 0; b < k; b++) {
          v[a][b] += tie * (atRisk[a] / nt) * ((a === b ? 1 : 0) - atRisk[b] / nt);
        }
      }
    }
    for (let a = 0; a < k; a++) atRisk[a] -= leaving[a];
  }

  const diff = observed.map((o, a) => o - expected[a]);
  const sub = v.slice(0, k - 1).map((row) => row.slice(0, k - 1));
  const inv = invert(sub);
  let chiSquare = NaN;
  if (inv) {
    chiSquare = 0;
    for (let a = 0; a < k - 1; a++) for (let b = 0; b < k - 1; b++) chiSquare += diff[a] * inv[a][b] * diff[b];
  }
  const df = k - 1;
  return {
    groups: labels.map((g, a) => ({
      group: g,
      n: n[a],
      observed: observed[a],
      expected: expected[a],
      oeOverE: diff[a] ** 2 / expected[a],
      oeOverV: diff[a] ** 2 / v[a][a],
    })),
    chiSquare,
    df,
    pValue: Number.isNaN(chiSquare) ? NaN : chiSquarePValue(chiSquare, df),
    variance: v,
  };
}

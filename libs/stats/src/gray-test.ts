import { chiSquarePValue } from './distributions';
import { invert } from './matrix';
import { checkCompetingRisksRows, tieFactor, type CompetingRisksOptions } from './competing-risks-input';

export interface GrayGroup<G> {
  group: G;
  n: number;
  /** Events of the cause of interest. */
  events: number;
  /** Gray's score: observed minus expected events of the cause, weighted (sums to 0 over groups). */
  score: number;
}

export interface GrayTestResult<G> {
  cause: number;
  groups: GrayGroup<G>[];
  statistic: number;
  df: number;
  pValue: number;
  /** Variance-covariance matrix of the scores of all groups, in the order of `groups`. */
  variance: number[][];
}

/**
 * Gray's (1988, Ann Stat 16:1141) K-sample test that the cumulative incidence of
 * `causeOfInterest` is the same in every group, with weight rho = 0 and no strata: the test
 * R's cmprsk::cuminc reports (its Fortran routine crstm). Other non-zero causes are competing
 * events, 0 is censored. Groups are ordered by first appearance; the statistic
 * s' V^-1 s over the first k - 1 groups does not depend on the group left out, because the
 * scores and the rows of V sum to zero. k - 1 degrees of freedom, p from the upper tail
 * directly (`chiSquarePValue`).
 *
 * At each distinct time, with n_g at risk in group g, S_g(t-) its all-cause Kaplan-Meier
 * survival and F_g(t-) its cumulative incidence of the cause just before t:
 *   h_g = n_g / S_g(t-), H = sum h_g,  R_g = h_g (1 - F_g(t-)),  R = sum R_g,
 *   score_g += d_g - D R_g / R   (d_g events of the cause in g, D = sum d_g).
 * The variance is Gray's estimator as crstm computes it, with the pooled cumulative
 * incidence F(t) = F(t-) + D / H and the same tie corrections; see the comments below.
 */
export function grayTest<G>(
  time: readonly number[],
  cause: readonly number[],
  group: readonly G[],
  causeOfInterest: number,
  options: CompetingRisksOptions = {},
): GrayTestResult<G> {
  if (!Number.isInteger(causeOfInterest) || causeOfInterest < 1) {
    throw new RangeError(`causeOfInterest must be a whole number >= 1 (0 is censoring), got ${causeOfInterest}`);
  }
  const { counts } = checkCompetingRisksRows(time, cause, options, [{ name: 'group', length: group.length }]);
  const labels: G[] = [];
  const index = new Map<G, number>();
  for (const g of group) if (!index.has(g)) index.set(g, labels.push(g) - 1);
  const k = labels.length;
  if (k < 2) throw new RangeError(`group must have at least two distinct values for Gray's test, got ${k}`);

  // Recode to 0 censored, 1 the cause of interest, 2 any other cause, and tally per group.
  const code = cause.map((c) => (c === 0 ? 0 : c === causeOfInterest ? 1 : 2));
  const g = group.map((x) => index.get(x) as number);
  const order = time.map((_, i) => i).sort((a, b) => time[a] - time[b]);

  const nRisk = new Array<number>(k).fill(0);
  const events = new Array<number>(k).fill(0);
  for (let i = 0; i < time.length; i++) {
    nRisk[g[i]] += counts[i];
    if (code[i] === 1) events[g[i]] += counts[i];
  }
  const nGroup = [...nRisk];

  const sMinus = new Array<number>(k).fill(1); // all-cause KM of each group just before t
  const fMinus = new Array<number>(k).fill(0); // cause's cumulative incidence of each group just before t
  let pooledMinus = 0; // pooled cumulative incidence just before t
  const score = new Array<number>(k).fill(0);
  const v = zeros(k);
  // c accumulates the derivative terms of the scores with respect to the pooled estimate;
  // v2 and v3 are the running cross and square terms that are combined with the final c.
  const c = zeros(k);
  const v2 = zeros(k);
  const v3 = new Array<number>(k).fill(0);

  let pos = 0;
  while (pos < order.length) {
    const t = time[order[pos]];
    const d = [0, 0, 0].map(() => new Array<number>(k).fill(0)); // [censored, cause, other][group]
    const leaving = new Array<number>(k).fill(0);
    while (pos < order.length && time[order[pos]] === t) {
      const i = order[pos++];
      d[code[i]][g[i]] += counts[i];
      leaving[g[i]] += counts[i];
    }
    const d1 = d[1].reduce((a, b) => a + b, 0);
    const d2 = d[2].reduce((a, b) => a + b, 0);
    if (d1 > 0 || d2 > 0) {
      const sNow = [...sMinus];
      const fNow = [...fMinus];
      const h = new Array<number>(k).fill(0);
      let hSum = 0;
      let rSum = 0;
      for (let a = 0; a < k; a++) {
        if (nRisk[a] <= 0) continue;
        sNow[a] = (sMinus[a] * (nRisk[a] - d[1][a] - d[2][a])) / nRisk[a];
        fNow[a] = fMinus[a] + (sMinus[a] * d[1][a]) / nRisk[a];
        h[a] = nRisk[a] / sMinus[a];
        hSum += h[a];
        rSum += (nRisk[a] * (1 - fMinus[a])) / sMinus[a];
      }
      const pooled = pooledMinus + d1 / hSum;
      // a[i][j] = h_i (delta_ij - h_j / H): the derivative of score_i's expected part.
      const a = zeros(k);
      for (let i = 0; i < k; i++) {
        if (nRisk[i] <= 0) continue;
        a[i][i] = h[i] * (1 - h[i] / hSum);
        c[i][i] += (a[i][i] * d1) / (hSum * (1 - pooledMinus));
        for (let j = i + 1; j < k; j++) {
          if (nRisk[j] <= 0) continue;
          a[i][j] = (-h[i] * nRisk[j]) / (sMinus[j] * hSum);
          a[j][i] = a[i][j];
          c[i][j] += (a[i][j] * d1) / (hSum * (1 - pooledMinus));
          c[j][i] = c[i][j];
        }
      }
      for (let i = 0; i < k; i++) {
        if (nRisk[i] <= 0) continue;
        score[i] += d[1][i] - (d1 * nRisk[i] * (1 - fMinus[i])) / (sMinus[i] * rSum);
      }
      // Variance contributions of this time's events of the cause in each group m, each
      // weighted by u as in Gray's estimator (crstm's term for the cause's events).
      if (d1 > 0) {
        for (let m = 0; m < k; m++) {
          if (nRisk[m] <= 0) continue;
          const u = sNow[m] > 0 ? 1 - (1 - pooled) / sNow[m] : 1;
          // Tie correction on the weighted risk set H S_m(t-), as crstm applies it.
          const tie = d1 > 1 ? 1 - (d1 - 1) / (hSum * sMinus[m] - 1) : 1;
          const w = (tie * sMinus[m] * d1) / (hSum * nRisk[m]);
          v3[m] += u * u * w;
          const e = a.map((row, i) => row[m] - u * c[i][m]);
          for (let i = 0; i < k; i++) {
            v2[i][m] += e[i] * u * w;
            for (let j = 0; j <= i; j++) v[i][j] += e[i] * e[j] * w;
          }
        }
      }
      // ... and of its competing events, which move the scores only through S_m and the pooled F.
      if (d2 > 0) {
        for (let m = 0; m < k; m++) {
          if (!(sNow[m] > 0) || d[2][m] <= 0) continue;
          const u = (1 - pooled) / sNow[m];
          const w = (tieFactor(d[2][m], nRisk[m]) * (sMinus[m] ** 2 * d[2][m])) / nRisk[m] ** 2;
          v3[m] += u * u * w;
          const e = c.map((row) => u * row[m]);
          for (let i = 0; i < k; i++) {
            v2[i][m] -= e[i] * u * w;
            for (let j = 0; j <= i; j++) v[i][j] += e[i] * e[j] * w;
          }
        }
      }
      sMinus.splice(0, k, ...sNow);
      fMinus.splice(0, k, ...fNow);
      pooledMinus = pooled;
    }
    for (let a = 0; a < k; a++) nRisk[a] -= leaving[a];
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      for (let m = 0; m < k; m++) {
        v[i][j] += c[i][m] * c[j][m] * v3[m];
        v[i][j] += c[i][m] * v2[j][m];
        v[i][j] += c[j][m] * v2[i][m];
      }
      v[j][i] = v[i][j];
    }
  }

  const sub = v.slice(0, k - 1).map((row) => row.slice(0, k - 1));
  const inv = invert(sub);
  let statistic = NaN;
  if (inv) {
    statistic = 0;
    for (let i = 0; i < k - 1; i++) for (let j = 0; j < k - 1; j++) statistic += score[i] * inv[i][j] * score[j];
  }
  const df = k - 1;
  return {
    cause: causeOfInterest,
    groups: labels.map((label, i) => ({ group: label, n: nGroup[i], events: events[i], score: score[i] })),
    statistic,
    df,
    pValue: Number.isNaN(statistic) ? NaN : chiSquarePValue(statistic, df),
    variance: v,
  };
}

function zeros(k: number): number[][] {
  return Array.from({ length: k }, () => new Array<number>(k).fill(0));
}

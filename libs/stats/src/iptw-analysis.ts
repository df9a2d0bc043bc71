import { mean, meanCI, median, variance, welchMeanDifference, type MeanCI, type MeanDifference } from './descriptive';
import {
  iptwWeights,
  receivedProbability,
  trimByPropensity,
  weightedMeanCI,
  weightedMeanDifference,
  type WeightedDifference,
  type WeightedMeanCI,
} from './iptw';
import { multinomialLogisticRegression } from './logistic';
import { smdBinary, smdFromSummary } from './smd';
import { effectiveSampleSize, weightedMean, weightedVariance } from './weighted';

/** Trimming of patients by their generalized propensity before weighting. */
export type PropensityTrimming = 'NONE' | 'CRUMP';

/**
 * Threshold of the multinomial Crump rule: a patient is kept when every generalized
 * propensity is at least this. Two groups: 0.1, the rule of thumb of Crump, Hotz, Imbens &
 * Mitnik (2009, Biometrika 96:187), i.e. 0.1 <= e(X) <= 0.9. Three groups: 0.067, the value
 * Yoshida et al. (2019, Am J Epidemiol 188:609) used for their multinomial extension of the
 * Crump rule (min_t e_t(X) >= delta, which reduces to Crump's rule for two groups). For more
 * groups no published value is known to us, and 1/(2J) (which gives 0.125 for J = 4, below
 * the 1/J every score can reach) is used.
 */
export function crumpThreshold(groups: number): number {
  if (!(groups >= 2)) throw new RangeError('trimming needs at least two groups');
  return groups === 2 ? 0.1 : groups === 3 ? 0.067 : 1 / (2 * groups);
}

export interface IptwAnalysisInput<L> {
  /** Covariates, one row per patient. */
  x: readonly (readonly number[])[];
  group: readonly L[];
  y: readonly number[];
  /** Group order; the first is the reference of the differences. */
  groups: readonly L[];
  /** Which covariates are binary (binary SMD) rather than continuous. */
  binary: readonly boolean[];
  trimming?: PropensityTrimming;
  /**
   * After trimming, whether a group's remaining patients (indices) may still be analysed,
   * e.g. not under a small-cell threshold; groups with fewer than two are always dropped.
   */
  keepGroup?: (members: number[]) => boolean;
  level?: number;
  /** Only the propensities and weights: no differences or balance (y is then not read). */
  weightsOnly?: boolean;
}

export interface GroupWeights<L> {
  group: L;
  /** Patients of the group kept (after trimming). */
  n: number;
  /** Patients of the group removed by trimming. */
  trimmed: number;
  min: number;
  median: number;
  max: number;
  sum: number;
  /** Kish effective sample size, (sum w)^2 / sum w^2. */
  ess: number;
}

export interface IptwAnalysis<L> {
  /** Groups analysed (a group with fewer than two patients left after trimming is dropped). */
  groups: L[];
  /** Groups dropped because trimming left fewer than two of their patients (or keepGroup refused them). */
  droppedGroups: L[];
  /** The trimming threshold applied, null without trimming. */
  threshold: number | null;
  /** Patient indices kept, per analysed group. */
  members: Map<L, number[]>;
  /** Stabilized weight of each input patient (NaN for those trimmed or dropped). */
  weights: number[];
  /**
   * Generalized propensity scores of each input patient from the model the weights come from,
   * one per analysed group in `groups` order (null for patients trimmed or dropped).
   */
  propensities: (number[] | null)[];
  converged: boolean;
  weightSummary: GroupWeights<L>[];
  /**
   * Each analysed group's mean: unadjusted (t interval) and IPTW-adjusted (the Hajek weighted
   * mean with its sandwich interval), which estimates the mean outcome had every patient of the
   * population been treated as that group was.
   */
  means: { group: L; unadjusted: MeanCI; adjusted: WeightedMeanCI }[];
  /** Each group against the reference (the first analysed group). */
  differences: { group: L; versus: L; unadjusted: MeanDifference; adjusted: WeightedDifference }[];
  /** Balance of each covariate for every pair of groups (later group versus earlier group). */
  balance: { covariate: number; group: L; versus: L; smdBefore: number; smdAfter: number }[];
}

/**
 * The adjusted comparison of the registry: a multinomial propensity model of the group on the
 * covariates; optionally the multinomial Crump trimming, after which the model is refitted on
 * the patients kept; stabilized inverse-probability-of-treatment weights, not truncated;
 * Hajek weighted means with the sandwich CI; Welch for the unadjusted difference; and the
 * standardized mean differences before and after weighting for every pair of groups.
 */
export function iptwAnalysis<L>(input: IptwAnalysisInput<L>): IptwAnalysis<L> {
  const n = input.y.length;
  if (input.x.length !== n || input.group.length !== n) throw new RangeError('x, group and y differ in length');
  const trimming = input.trimming ?? 'NONE';
  let index = input.group.map((_, i) => i).filter((i) => input.groups.includes(input.group[i]));
  let groups = input.groups.filter((g) => index.some((i) => input.group[i] === g));
  const fitOn = (of: number[], classes: L[]) =>
    multinomialLogisticRegression(
      of.map((i) => input.x[i]),
      of.map((i) => input.group[i]),
      { classes, reference: classes[0] },
    );
  let fit = fitOn(index, groups);
  let threshold: number | null = null;
  const dropped: L[] = [];
  if (trimming === 'CRUMP') {
    threshold = crumpThreshold(groups.length);
    const keep = trimByPropensity(fit.fitted, threshold);
    const before = index;
    index = index.filter((_, k) => keep[k]);
    for (const g of groups) {
      const left = index.filter((i) => input.group[i] === g);
      if (left.length < 2 || (input.keepGroup && !input.keepGroup(left))) dropped.push(g);
    }
    groups = groups.filter((g) => !dropped.includes(g));
    index = index.filter((i) => groups.includes(input.group[i]));
    if (groups.length < 2) throw new RangeError('trimming left fewer than two groups to compare');
    // Propensities re-estimated in the trimmed population, whose covariate distribution is
    // the one the weights are to balance.
    if (index.length < before.length) fit = fitOn(index, groups);
  }
  const received = receivedProbability(
    fit.fitted,
    index.map((i) => groups.indexOf(input.group[i])),
  );
  const w = iptwWeights(received, { stabilize: true, treatment: index.map((i) => input.group[i]) });
  const weights = new Array<number>(n).fill(NaN);
  index.forEach((i, k) => (weights[i] = w[k]));
  const propensities = new Array<number[] | null>(n).fill(null);
  index.forEach((i, k) => (propensities[i] = fit.fitted[k]));
  const members = new Map(groups.map((g) => [g, index.filter((i) => input.group[i] === g)] as [L, number[]]));
  const arms = new Map<L, { y: number[]; w: number[]; x: (j: number) => number[] }>();
  const arm = (g: L) => {
    const idx = members.get(g) as number[];
    if (!arms.has(g)) arms.set(g, { y: idx.map((i) => input.y[i]), w: idx.map((i) => weights[i]), x: (j: number) => idx.map((i) => input.x[i][j]) });
    return arms.get(g)!;
  };
  const weightSummary = input.groups
    .filter((g) => groups.includes(g) || dropped.includes(g))
    .map((g) => {
      const ww = groups.includes(g) ? arm(g).w : [];
      const all = input.group.filter((v) => v === g).length;
      return {
        group: g,
        n: ww.length,
        trimmed: all - ww.length,
        min: ww.length ? Math.min(...ww) : NaN,
        median: ww.length ? median(ww) : NaN,
        max: ww.length ? Math.max(...ww) : NaN,
        sum: ww.reduce((a, v) => a + v, 0),
        ess: effectiveSampleSize(ww),
      };
    });
  if (input.weightsOnly) {
    return {
      groups,
      droppedGroups: dropped,
      threshold,
      members,
      weights,
      propensities,
      converged: fit.converged && !fit.separation,
      weightSummary,
      means: [],
      differences: [],
      balance: [],
    };
  }
  const reference = groups[0];
  const ref = arm(reference);
  const differences = groups.slice(1).map((g) => {
    const mine = arm(g);
    return {
      group: g,
      versus: reference,
      unadjusted: welchMeanDifference(mine.y, ref.y, input.level),
      adjusted: weightedMeanDifference(mine.y, mine.w, ref.y, ref.w, input.level),
    };
  });
  const means = groups.map((g) => {
    const mine = arm(g);
    return { group: g, unadjusted: meanCI(mine.y, input.level), adjusted: weightedMeanCI(mine.y, mine.w, input.level) };
  });
  // Each covariate's summaries per group, once: every pair of groups reads them.
  const summaries = new Map(
    groups.map((g) => {
      const mine = arm(g);
      return [
        g,
        input.binary.map((bin, j) => {
          const column = mine.x(j);
          return bin
            ? { mean: mean(column), sd: NaN, weightedMean: weightedMean(column, mine.w), weightedSd: NaN }
            : {
                mean: mean(column),
                sd: Math.sqrt(variance(column)),
                weightedMean: weightedMean(column, mine.w),
                weightedSd: Math.sqrt(weightedVariance(column, mine.w)),
              };
        }),
      ] as const;
    }),
  );
  const balance: IptwAnalysis<L>['balance'] = [];
  groups.forEach((versus, a) => {
    for (const g of groups.slice(a + 1)) {
      const mine = summaries.get(g)!;
      const other = summaries.get(versus)!;
      input.binary.forEach((bin, j) => {
        const [m, o] = [mine[j], other[j]];
        balance.push({
          covariate: j,
          group: g,
          versus,
          smdBefore: bin ? smdBinary(m.mean, o.mean) : smdFromSummary(m.mean, m.sd, o.mean, o.sd),
          smdAfter: bin ? smdBinary(m.weightedMean, o.weightedMean) : smdFromSummary(m.weightedMean, m.weightedSd, o.weightedMean, o.weightedSd),
        });
      });
    }
  });
  return {
    groups,
    droppedGroups: dropped,
    threshold,
    members,
    weights,
    propensities,
    converged: fit.converged && !fit.separation,
    weightSummary,
    means,
    differences,
    balance,
  };
}

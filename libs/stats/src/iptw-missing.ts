import { weightedMeanDifference, type WeightedDifference } from './iptw';
import { iptwAnalysis, type PropensityTrimming } from './iptw-analysis';
import { logisticRegression } from './logistic';

export interface IptwObservedInput<L> {
  /** Covariates of every patient with complete covariates, whether their outcome was observed or not. */
  x: readonly (readonly number[])[];
  group: readonly L[];
  /** The outcome, null where it was not observed. */
  y: readonly (number | null)[];
  /** Group order; the first is the reference of the differences. */
  groups: readonly L[];
  trimming?: PropensityTrimming;
  keepGroup?: (members: number[]) => boolean;
  level?: number;
}

export interface IptwObservedAnalysis<L> {
  /** Each group against the reference, weighted for treatment and for being observed. */
  differences: { group: L; versus: L; adjusted: WeightedDifference }[];
  /** Whether both the propensity model and the model of being observed converged without a penalty. */
  converged: boolean;
  /** Per patient, the modelled probability of having the outcome (NaN where not analysed). */
  observedProbability: number[];
}

/**
 * Sensitivity analysis of the IPTW comparison for missing outcomes: inverse probability
 * weighting for being observed (Seaman & White 2013, Stat Methods Med Res 22:278). On every
 * patient with complete covariates, observed or not:
 * 1. the propensity model and stabilized treatment weights of iptwAnalysis (with its optional
 *    trimming), so that the weights balance the whole cohort, not only those followed up;
 * 2. a logistic model of having the outcome given the group (indicators) and the covariates;
 * 3. each observed patient weighted by treatment weight x 1 / P(observed), and the Hajek
 *    difference of weighted means with its sandwich CI.
 * Unbiased when the outcome is missing at random given the group and the covariates (and both
 * models are right), which complete-case analysis is not when the effect varies with a
 * covariate that also drives follow-up.
 */
export function iptwObservedAnalysis<L>(input: IptwObservedInput<L>): IptwObservedAnalysis<L> {
  const n = input.y.length;
  if (input.x.length !== n || input.group.length !== n) throw new RangeError('x, group and y differ in length');
  const treatment = iptwAnalysis({
    x: input.x,
    group: input.group,
    y: input.y.map(() => 0),
    groups: input.groups,
    binary: [],
    trimming: input.trimming,
    keepGroup: input.keepGroup,
    weightsOnly: true,
  });
  const kept = input.group.map((_, i) => i).filter((i) => Number.isFinite(treatment.weights[i]));
  const observed = (i: number) => input.y[i] !== null && input.y[i] !== undefined;
  const observedProbability = new Array<number>(n).fill(NaN);
  let converged = treatment.converged;
  if (kept.every(observed)) {
    for (const i of kept) observedProbability[i] = 1;
  } else {
    const r = kept.map((i) => (observed(i) ? 1 : 0));
    const columns = separatingIndicators(
      kept.map((i) => input.x[i]),
      r,
    );
    const design = kept.map((i) => [...treatment.groups.slice(1).map((g) => (input.group[i] === g ? 1 : 0)), ...input.x[i].filter((_, j) => !columns.has(j))]);
    const fit = logisticRegression(design, r);
    converged = converged && fit.converged && !fit.separation;
    kept.forEach((i, k) => (observedProbability[i] = fit.fitted[k]));
  }
  const arm = (g: L) => {
    const idx = kept.filter((i) => input.group[i] === g && observed(i));
    return { y: idx.map((i) => input.y[i] as number), w: idx.map((i) => treatment.weights[i] / observedProbability[i]) };
  };
  const reference = treatment.groups[0];
  const ref = arm(reference);
  const differences = treatment.groups.slice(1).flatMap((g) => {
    const mine = arm(g);
    if (mine.y.length < 2 || ref.y.length < 2) return [];
    return [{ group: g, versus: reference, adjusted: weightedMeanDifference(mine.y, mine.w, ref.y, ref.w, input.level) }];
  });
  return { differences, converged, observedProbability };
}

/**
 * The 0/1 covariates that separate the model of being observed: among the patients with the
 * indicator set (or among those without it), everyone has the outcome or no one has (a small category, such as a rarely
 * missing baseline field, in a small cohort). Such a coefficient has no finite maximum-likelihood
 * estimate; the fit would only say "these patients are all observed", which the other covariates
 * and the intercept then carry. They are left out of this model only, not of the propensity model.
 */
export function separatingIndicators(x: readonly (readonly number[])[], observed: readonly number[]): Set<number> {
  const out = new Set<number>();
  const p = x[0]?.length ?? 0;
  for (let j = 0; j < p; j++) {
    if (!x.every((row) => row[j] === 0 || row[j] === 1)) continue;
    let set = 0;
    let setObserved = 0;
    x.forEach((row, k) => {
      if (row[j] === 1) {
        set++;
        setObserved += observed[k];
      }
    });
    const unset = x.length - set;
    const unsetObserved = observed.reduce((a, v) => a + v, 0) - setObserved;
    if (set === 0 || unset === 0) continue;
    if (setObserved === 0 || setObserved === set || unsetObserved === 0 || unsetObserved === unset) out.add(j);
  }
  return out;
}

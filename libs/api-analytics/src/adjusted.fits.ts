import { iptwAnalysis, iptwObservedAnalysis, type IptwAnalysis, type IptwObservedAnalysis, type PropensityTrimming } from '@vfr/stats';
import { Disclosure, shownCount } from './disclosure';

// The model fits of the adjusted comparison, apart from the service so that they can run on a
// worker thread (fit-pool.ts): everything in and out is plain data, and the rule that trimming
// must not leave a group the reader could not see counted is rebuilt here from the disclosure
// and the record keys rather than passed as a function.

/** One analysed patient set: covariates (kept columns only), group, outcome, record key. */
export interface FitRows<Y> {
  x: number[][];
  group: string[];
  y: Y[];
  rk: number[];
}

export interface AdjustedFitInput {
  /** Complete cases: the main analysis. */
  rows: FitRows<number>;
  /** Everyone with complete covariates, outcome observed or not: the sensitivity analysis. */
  population: FitRows<number | null>;
  groups: string[];
  binary: boolean[];
  trimming: PropensityTrimming;
  disclosure: Disclosure;
}

export type AdjustedFits =
  | { ok: true; main: IptwAnalysis<string>; sensitivity: Pick<IptwObservedAnalysis<string>, 'differences' | 'converged'> }
  /** Trimming left fewer than two groups to compare. */
  | { ok: false };

const TRIMMING_LEFT = /trimming left/;

export function fitAdjusted(input: AdjustedFitInput): AdjustedFits {
  const { rows, population, disclosure } = input;
  const keepGroup = (rk: number[]) => (idx: number[]) => shownCount(disclosure, { n: idx.length, k: idx.reduce((a, i) => a + rk[i], 0) }) !== null;
  let main: IptwAnalysis<string>;
  try {
    main = iptwAnalysis({
      x: rows.x,
      group: rows.group,
      y: rows.y,
      groups: input.groups,
      binary: input.binary,
      trimming: input.trimming,
      keepGroup: keepGroup(rows.rk),
    });
  } catch (e) {
    if (input.trimming !== 'NONE' && e instanceof RangeError && TRIMMING_LEFT.test(e.message)) return { ok: false };
    throw e;
  }
  // Trimming the larger population of the sensitivity analysis can leave fewer than two groups
  // where the complete-case analysis kept two: the sensitivity figures are then absent, not an
  // error that would also hide the main comparison.
  let sensitivity: Extract<AdjustedFits, { ok: true }>['sensitivity'];
  try {
    const s = iptwObservedAnalysis({
      x: population.x,
      group: population.group,
      y: population.y,
      groups: main.groups,
      trimming: input.trimming,
      keepGroup: keepGroup(population.rk),
    });
    sensitivity = { differences: s.differences, converged: s.converged };
  } catch (e) {
    if (e instanceof RangeError && TRIMMING_LEFT.test(e.message)) sensitivity = { differences: [], converged: true };
    else throw e;
  }
  return { ok: true, main, sensitivity };
}

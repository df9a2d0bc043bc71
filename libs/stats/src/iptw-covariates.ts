/** A column of a propensity model's design. */
export interface CovariateSpec {
  name: string;
  /** Binary covariates get the binary standardized difference in the balance table. */
  binary: boolean;
  /**
   * The categorical covariate this column is an indicator of (its reference level has no
   * column). Indicators of one factor are checked together, see selectCovariates.
   */
  factor?: string;
}

export interface CovariateSelection {
  /** Columns kept in the model, in their original order. */
  kept: number[];
  /** Columns left out because every patient has the same value (e.g. a category nobody is in). */
  constant: number[];
  /**
   * Indicators left out because, once the constant ones are gone, the factor's remaining
   * indicators add up to the same number for every patient (its reference level is empty in
   * this cohort, so they would be collinear with the intercept): the most common level
   * becomes the reference instead.
   */
  madeReference: number[];
}

/**
 * Which columns of a design to fit: a column every row shares carries no information and makes
 * the model singular, and so does a full set of indicators of a factor whose reference level
 * nobody is in. Both are left out and named rather than letting the fit fail or fall back to
 * a penalty.
 */
export function selectCovariates(specs: readonly CovariateSpec[], x: readonly (readonly number[])[]): CovariateSelection {
  if (x.some((r) => r.length !== specs.length)) throw new RangeError('every row needs a value per covariate');
  const all = specs.map((_, j) => j);
  const constant = all.filter((j) => x.every((r) => r[j] === x[0]?.[j]));
  const madeReference: number[] = [];
  for (const factor of new Set(specs.map((s) => s.factor).filter((f): f is string => !!f))) {
    const columns = all.filter((j) => specs[j].factor === factor && !constant.includes(j));
    if (columns.length < 2) continue;
    const total = (r: readonly number[]) => columns.reduce((a, j) => a + r[j], 0);
    if (!x.every((r) => total(r) === total(x[0]))) continue;
    // The most common level as the new reference (the first on a tie): the remaining
    // contrasts then rest on the most patients.
    const frequency = (j: number) => x.reduce((a, r) => a + r[j], 0);
    madeReference.push(columns.reduce((best, j) => (frequency(j) > frequency(best) ? j : best)));
  }
  return { kept: all.filter((j) => !constant.includes(j) && !madeReference.includes(j)), constant, madeReference };
}

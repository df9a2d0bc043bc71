import { invert, zeros, type Matrix } from './matrix';

export interface LogisticOptions {
  /** Prepend an intercept column (default true). */
  intercept?: boolean;
  /** Newton-Raphson iteration cap; R's glm uses 25. */
  maxIterations?: number;
  /** Relative deviance change for convergence, as glm.control's epsilon (1e-8). */
  tolerance?: number;
  /**
   * L2 penalty (lambda/2 * sum beta^2 on standardized covariates, intercept unpenalized)
   * used when the maximum-likelihood fit fails. Default 1.
   */
  ridge?: number;
  /** Refit with the ridge penalty when the MLE does not exist or does not converge (default true). */
  ridgeFallback?: boolean;
}

export interface MultinomialOptions<L> extends LogisticOptions {
  /** Class order; defaults to order of first appearance in y. */
  classes?: readonly L[];
  /** Baseline class; defaults to the first class. */
  reference?: L;
}

interface CoreFit {
  coefficients: Matrix; // (K-1) x p
  covariance: Matrix | null; // (K-1)p square, raw covariate scale
  converged: boolean;
  iterations: number;
  separation: boolean;
  penalty: number;
  deviance: number;
}

export interface MultinomialFit<L> {
  classes: L[];
  reference: L;
  /** Classes other than the reference, in the order of `coefficients` rows. */
  contrasts: L[];
  /** One row per non-reference class: log(P(class)/P(reference)) = row . [1, x]. */
  coefficients: number[][];
  standardErrors: number[][];
  /** Covariance of all coefficients, rows stacked class by class. */
  covariance: number[][];
  intercept: boolean;
  converged: boolean;
  iterations: number;
  /** True when the MLE looked non-existent (separation or a singular information matrix). */
  separation: boolean;
  /** 0 for maximum likelihood; the ridge lambda when the fallback fit is returned. */
  penalty: number;
  /** -2 log-likelihood (unpenalized) at the returned coefficients. */
  deviance: number;
  /** n x K fitted probabilities, columns in `classes` order. */
  fitted: number[][];
}

export interface LogisticFit {
  /** Intercept first when `intercept` is true. */
  coefficients: number[];
  standardErrors: number[];
  covariance: number[][];
  intercept: boolean;
  converged: boolean;
  iterations: number;
  separation: boolean;
  penalty: number;
  deviance: number;
  /** Fitted P(y = 1). */
  fitted: number[];
}

// Linear predictors beyond this mean fitted probabilities within ~2e-9 of 0 or 1: for a
// propensity model that is a positivity violation, and for the MLE a sign of separation.
const ETA_LIMIT = 20;

function designMatrix(x: readonly (readonly number[])[], intercept: boolean): Matrix {
  return x.map((row) => (intercept ? [1, ...row] : [...row]));
}

/**
 * Centre and scale the covariates before fitting: Newton steps are better conditioned and the
 * ridge penalty then does not depend on the units of measurement.
 */
function standardize(design: Matrix, intercept: boolean): { z: Matrix; centre: number[]; scale: number[] } {
  const p = design[0].length;
  const n = design.length;
  const centre = new Array<number>(p).fill(0);
  const scale = new Array<number>(p).fill(1);
  for (let j = intercept ? 1 : 0; j < p; j++) {
    const m = design.reduce((a, r) => a + r[j], 0) / n;
    const s = Math.sqrt(design.reduce((a, r) => a + (r[j] - m) ** 2, 0) / n);
    if (s > 0) {
      centre[j] = intercept ? m : 0;
      scale[j] = intercept ? s : Math.sqrt(design.reduce((a, r) => a + r[j] ** 2, 0) / n) || 1;
    }
  }
  return { z: design.map((r) => r.map((v, j) => (v - centre[j]) / scale[j])), centre, scale };
}

function softmaxRow(eta: readonly number[]): number[] {
  // eta excludes the reference class, whose linear predictor is 0.
  const mx = Math.max(0, ...eta);
  const e = [Math.exp(-mx), ...eta.map((v) => Math.exp(v - mx))];
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

function linearPredictors(z: Matrix, beta: Matrix): Matrix {
  return z.map((row) => beta.map((b) => row.reduce((a, v, j) => a + v * b[j], 0)));
}

function logLik(probs: Matrix, y: readonly number[]): number {
  return y.reduce((a, c, i) => a + Math.log(Math.max(probs[i][c], Number.MIN_VALUE)), 0);
}

interface NewtonResult {
  beta: Matrix;
  information: Matrix | null;
  converged: boolean;
  iterations: number;
  maxEta: number;
  deviance: number;
}

/**
 * Newton-Raphson on the (penalized) multinomial log-likelihood; y holds class indices with 0
 * the reference. Step halving keeps every step an ascent, so the iteration cannot diverge
 * even from a poor start.
 */
function newton(z: Matrix, y: readonly number[], k: number, lambda: number, intercept: boolean, maxIterations: number, tolerance: number): NewtonResult {
  const n = z.length;
  const p = z[0].length;
  const q = (k - 1) * p;
  const penalized = (j: number) => lambda > 0 && !(intercept && j === 0);
  let beta: Matrix = zeros(k - 1, p);
  // Starting intercepts at the marginal log-odds reaches the MLE in fewer steps.
  if (intercept) {
    const counts = new Array<number>(k).fill(0);
    for (const c of y) counts[c]++;
    for (let c = 1; c < k; c++) beta[c - 1][0] = Math.log((counts[c] + 0.5) / (counts[0] + 0.5));
  }
  const objective = (b: Matrix) => {
    const probs = linearPredictors(z, b).map(softmaxRow);
    let pen = 0;
    for (let c = 0; c < k - 1; c++) for (let j = 0; j < p; j++) if (penalized(j)) pen += b[c][j] ** 2;
    return { probs, ll: logLik(probs, y), value: logLik(probs, y) - (lambda / 2) * pen };
  };
  let current = objective(beta);
  let converged = false;
  let iterations = 0;
  let information: Matrix | null = null;
  for (; iterations < maxIterations;) {
    iterations++;
    const grad = new Array<number>(q).fill(0);
    const info = zeros(q, q);
    for (let i = 0; i < n; i++) {
      const pr = current.probs[i];
      const xi = z[i];
      for (let c = 1; c < k; c++) {
        const r = (y[i] === c ? 1 : 0) - pr[c];
        for (let j = 0; j < p; j++) grad[(c - 1) * p + j] += r * xi[j];
        for (let d = 1; d < k; d++) {
          const w = pr[c] * ((c === d ? 1 : 0) - pr[d]);
          if (w === 0) continue;
          for (let j = 0; j < p; j++) {
            const wx = w * xi[j];
            const row = info[(c - 1) * p + j];
            for (let l = 0; l < p; l++) row[(d - 1) * p + l] += wx * xi[l];
          }
        }
      }
    }
    for (let c = 0; c < k - 1; c++) {
      for (let j = 0; j < p; j++) {
        if (!penalized(j)) continue;
        grad[c * p + j] -= lambda * beta[c][j];
        info[c * p + j][c * p + j] += lambda;
      }
    }
    const inv = invert(info);
    if (!inv) {
      information = null;
      break;
    }
    const step = inv.map((row) => row.reduce((a, v, m) => a + v * grad[m], 0));
    let t = 1;
    let next = beta;
    let trial = current;
    for (let halving = 0; halving < 30; halving++, t /= 2) {
      next = beta.map((row, c) => row.map((v, j) => v + t * step[c * p + j]));
      trial = objective(next);
      if (trial.value >= current.value - 1e-12 * Math.abs(current.value)) break;
    }
    const change = Math.abs(trial.ll - current.ll) * 2;
    beta = next;
    current = trial;
    information = info;
    if (change / (Math.abs(-2 * current.ll) + 0.1) < tolerance) {
      converged = true;
      break;
    }
  }
  // The information at the final coefficients gives the standard errors.
  if (information) information = informationAt(z, current.probs, k, lambda, intercept);
  const eta = linearPredictors(z, beta);
  const maxEta = Math.max(...eta.map((r) => Math.max(...r.map(Math.abs))));
  return { beta, information, converged, iterations, maxEta, deviance: -2 * current.ll };
}

function informationAt(z: Matrix, probs: Matrix, k: number, lambda: number, intercept: boolean): Matrix {
  const p = z[0].length;
  const q = (k - 1) * p;
  const info = zeros(q, q);
  for (let i = 0; i < z.length; i++) {
    const pr = probs[i];
    for (let c = 1; c < k; c++)
      for (let d = 1; d < k; d++) {
        const w = pr[c] * ((c === d ? 1 : 0) - pr[d]);
        for (let j = 0; j < p; j++) for (let l = 0; l < p; l++) info[(c - 1) * p + j][(d - 1) * p + l] += w * z[i][j] * z[i][l];
      }
  }
  for (let c = 0; c < k - 1; c++) for (let j = 0; j < p; j++) if (lambda > 0 && !(intercept && j === 0)) info[c * p + j][c * p + j] += lambda;
  return info;
}

function fitCore(x: readonly (readonly number[])[], y: readonly number[], k: number, options: LogisticOptions): CoreFit {
  const intercept = options.intercept ?? true;
  const maxIterations = options.maxIterations ?? 25;
  const tolerance = options.tolerance ?? 1e-8;
  const ridge = options.ridge ?? 1;
  const fallback = options.ridgeFallback ?? true;
  if (x.length !== y.length) throw new RangeError('x and y differ in length');
  if (x.length === 0) throw new RangeError('no observations');
  const design = designMatrix(x, intercept);
  if (design[0].length === 0) throw new RangeError('model has no terms');
  const { z, centre, scale } = standardize(design, intercept);

  let res = newton(z, y, k, 0, intercept, maxIterations, tolerance);
  const separation = !res.information || !res.converged || res.maxEta > ETA_LIMIT;
  let penalty = 0;
  if (separation && fallback && ridge > 0) {
    res = newton(z, y, k, ridge, intercept, maxIterations, tolerance);
    penalty = ridge;
  }
  // Back to the raw covariate scale: beta = A gamma with A built from centre and scale.
  const p = design[0].length;
  const a = zeros(p, p);
  for (let j = 0; j < p; j++) {
    a[j][j] = 1 / scale[j];
    if (intercept && j > 0) a[0][j] = -centre[j] / scale[j];
  }
  const coefficients = res.beta.map((g) => a.map((row) => row.reduce((s, v, j) => s + v * g[j], 0)));
  let covariance: Matrix | null = null;
  const invInfo = res.information ? invert(res.information) : null;
  if (invInfo) {
    const q = (k - 1) * p;
    const big = zeros(q, q);
    for (let c = 0; c < k - 1; c++) for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) big[c * p + i][c * p + j] = a[i][j];
    const tmp = big.map((row) => invInfo[0].map((_, j) => row.reduce((s, v, m) => s + v * invInfo[m][j], 0)));
    covariance = tmp.map((row) => big.map((brow) => row.reduce((s, v, m) => s + v * brow[m], 0)));
  }
  return { coefficients, covariance, converged: res.converged, iterations: res.iterations, separation, penalty, deviance: res.deviance };
}

function predictRows(coefficients: Matrix, x: readonly (readonly number[])[], intercept: boolean): Matrix {
  return linearPredictors(designMatrix(x, intercept), coefficients).map(softmaxRow);
}

/**
 * Binary logistic regression by Newton-Raphson (equivalent to IRLS). y is 0/1 or boolean;
 * coefficients are on the raw covariate scale with the intercept first.
 */
export function logisticRegression(x: readonly (readonly number[])[], y: readonly (number | boolean)[], options: LogisticOptions = {}): LogisticFit {
  const yy = y.map((v) => {
    const b = Number(v);
    if (b !== 0 && b !== 1) throw new RangeError(`binary outcome must be 0/1, got ${v}`);
    return b;
  });
  const core = fitCore(x, yy, 2, options);
  const intercept = options.intercept ?? true;
  const covariance = core.covariance ?? core.coefficients[0].map(() => core.coefficients[0].map(() => NaN));
  return {
    coefficients: core.coefficients[0],
    standardErrors: covariance.map((row, i) => Math.sqrt(row[i])),
    covariance,
    intercept,
    converged: core.converged,
    iterations: core.iterations,
    separation: core.separation,
    penalty: core.penalty,
    deviance: core.deviance,
    fitted: predictRows(core.coefficients, x, intercept).map((r) => r[1]),
  };
}

/** P(y = 1) for new rows. */
export function predictLogistic(fit: LogisticFit, x: readonly (readonly number[])[]): number[] {
  return predictRows([fit.coefficients], x, fit.intercept).map((r) => r[1]);
}

/**
 * Multinomial (baseline-category) logistic regression fitted jointly by Newton-Raphson, not
 * as separate one-vs-rest fits: the class probabilities then sum to one by construction,
 * which the generalized propensity score for three treatments needs (Imbens 2000).
 */
export function multinomialLogisticRegression<L>(x: readonly (readonly number[])[], y: readonly L[], options: MultinomialOptions<L> = {}): MultinomialFit<L> {
  const classes: L[] = options.classes ? [...options.classes] : [];
  if (!options.classes) for (const v of y) if (!classes.includes(v)) classes.push(v);
  const reference = options.reference ?? classes[0];
  const refIndex = classes.indexOf(reference);
  if (refIndex < 0) throw new RangeError('reference is not one of the classes');
  if (classes.length < 2) throw new RangeError('need at least two classes');
  // Internally the reference is class 0.
  const internal = [reference, ...classes.filter((_, i) => i !== refIndex)];
  const yy = y.map((v) => {
    const i = internal.indexOf(v);
    if (i < 0) throw new RangeError(`outcome ${String(v)} is not one of the classes`);
    return i;
  });
  const k = classes.length;
  const core = fitCore(x, yy, k, options);
  const intercept = options.intercept ?? true;
  const p = core.coefficients[0].length;
  const covariance = core.covariance ?? zeros((k - 1) * p, (k - 1) * p).map((r) => r.map(() => NaN));
  const internalProbs = predictRows(core.coefficients, x, intercept);
  return {
    classes,
    reference,
    contrasts: internal.slice(1),
    coefficients: core.coefficients,
    standardErrors: core.coefficients.map((row, c) => row.map((_, j) => Math.sqrt(covariance[c * p + j][c * p + j]))),
    covariance,
    intercept,
    converged: core.converged,
    iterations: core.iterations,
    separation: core.separation,
    penalty: core.penalty,
    deviance: core.deviance,
    fitted: internalProbs.map((r) => classes.map((cl) => r[internal.indexOf(cl)])),
  };
}

/** Class probabilities for new rows, columns in `fit.classes` order. */
export function predictMultinomial<L>(fit: MultinomialFit<L>, x: readonly (readonly number[])[]): number[][] {
  const internal = [fit.reference, ...fit.contrasts];
  return predictRows(fit.coefficients, x, fit.intercept).map((r) => fit.classes.map((cl) => r[internal.indexOf(cl)]));
}

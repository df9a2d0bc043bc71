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

/**
 * The design matrix [1, x] stored by rows with only its non-zero entries: most of the registry's
 * covariates are indicators of categories and mostly 0, so the information matrix, the fit's
 * main cost (n times the square of the non-zero entries per row), is several times cheaper
 * than over the dense matrix.
 */
interface SparseDesign {
  n: number;
  p: number;
  /** Row i's entries are cols/vals[start[i] .. start[i + 1]), columns ascending. */
  start: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
}

function sparseDesign(x: readonly (readonly number[])[], intercept: boolean): SparseDesign {
  const n = x.length;
  const p = (intercept ? 1 : 0) + (n > 0 ? x[0].length : 0);
  const start = new Int32Array(n + 1);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    if (x[i].length !== p - (intercept ? 1 : 0)) throw new RangeError(`row ${i} has ${x[i].length} covariates, not ${p - (intercept ? 1 : 0)}`);
    nnz += intercept ? 1 : 0;
    for (const v of x[i]) if (v !== 0) nnz++;
  }
  const cols = new Int32Array(nnz);
  const vals = new Float64Array(nnz);
  let e = 0;
  for (let i = 0; i < n; i++) {
    start[i] = e;
    if (intercept) {
      cols[e] = 0;
      vals[e++] = 1;
    }
    const row = x[i];
    for (let j = 0; j < row.length; j++)
      if (row[j] !== 0) {
        cols[e] = j + (intercept ? 1 : 0);
        vals[e++] = row[j];
      }
  }
  start[n] = e;
  return { n, p, start, cols, vals };
}

/**
 * The fit runs on centred and scaled covariates z = (x - centre) / scale: Newton steps are
 * better conditioned and the ridge penalty then does not depend on the units of measurement.
 * The design itself stays raw (centring would fill in its zeros); the sums over patients are
 * taken on the raw design and carried to the standardized scale by this affine map.
 */
interface Standardization {
  centre: Float64Array;
  scale: Float64Array;
  intercept: boolean;
}

function standardization(d: SparseDesign, intercept: boolean): Standardization {
  const { n, p } = d;
  const sum = new Float64Array(p);
  const sumSq = new Float64Array(p);
  const nonZero = new Float64Array(p);
  for (let e = 0; e < d.cols.length; e++) {
    sum[d.cols[e]] += d.vals[e];
    sumSq[d.cols[e]] += d.vals[e] * d.vals[e];
    nonZero[d.cols[e]]++;
  }
  const mean = sum.map((v) => v / n);
  // The spread about the mean in two passes, as over the dense column: the zeros contribute
  // mean^2 each.
  const spread = new Float64Array(p);
  for (let e = 0; e < d.cols.length; e++) spread[d.cols[e]] += (d.vals[e] - mean[d.cols[e]]) ** 2;
  const centre = new Float64Array(p);
  const scale = new Float64Array(p).fill(1);
  for (let j = intercept ? 1 : 0; j < p; j++) {
    const s = Math.sqrt((spread[j] + (n - nonZero[j]) * mean[j] ** 2) / n);
    if (s > 0) {
      centre[j] = intercept ? mean[j] : 0;
      scale[j] = intercept ? s : Math.sqrt(sumSq[j] / n) || 1;
    }
  }
  return { centre, scale, intercept };
}

/** Raw-scale coefficients of one class from standardized ones: gamma = A beta (A as in fitCore). */
function toRaw(beta: readonly number[], st: Standardization): Float64Array {
  const p = beta.length;
  const g = new Float64Array(p);
  for (let j = 0; j < p; j++) g[j] = beta[j] / st.scale[j];
  if (st.intercept) {
    g[0] = beta[0];
    for (let j = 1; j < p; j++) g[0] -= (beta[j] * st.centre[j]) / st.scale[j];
  }
  return g;
}

/** A vector of sums over patients on the raw design, carried to the standardized scale (M v). */
function vectorToStandard(v: Float64Array, st: Standardization): Float64Array {
  const p = v.length;
  const out = new Float64Array(p);
  for (let j = 0; j < p; j++) out[j] = (v[j] - (st.intercept && j > 0 ? st.centre[j] * v[0] : 0)) / st.scale[j];
  if (st.intercept) out[0] = v[0];
  return out;
}

/** Linear predictors (n x (k - 1), flat) and class probabilities (n x k, flat) at standardized beta. */
function predict(d: SparseDesign, beta: Matrix, st: Standardization): { eta: Float64Array; probs: Float64Array } {
  const km1 = beta.length;
  const k = km1 + 1;
  const raw = beta.map((b) => toRaw(b, st));
  const eta = new Float64Array(d.n * km1);
  const probs = new Float64Array(d.n * k);
  for (let i = 0; i < d.n; i++) {
    let mx = 0;
    for (let c = 0; c < km1; c++) {
      const g = raw[c];
      let s = 0;
      for (let e = d.start[i]; e < d.start[i + 1]; e++) s += d.vals[e] * g[d.cols[e]];
      eta[i * km1 + c] = s;
      if (s > mx) mx = s;
    }
    // The reference class's linear predictor is 0.
    let total = Math.exp(-mx);
    probs[i * k] = total;
    for (let c = 1; c < k; c++) {
      const v = Math.exp(eta[i * km1 + c - 1] - mx);
      probs[i * k + c] = v;
      total += v;
    }
    for (let c = 0; c < k; c++) probs[i * k + c] /= total;
  }
  return { eta, probs };
}

function logLik(probs: Float64Array, y: readonly number[], k: number): number {
  let ll = 0;
  for (let i = 0; i < y.length; i++) ll += Math.log(Math.max(probs[i * k + y[i]], Number.MIN_VALUE));
  return ll;
}

/**
 * The observed information of the multinomial log-likelihood on the standardized scale:
 * for classes c, d (not the reference) the block sum_i p_ic (1[c = d] - p_id) z_i z_i'. Each
 * block is symmetric and block (d, c) equals block (c, d), so only the upper triangles of the
 * blocks with c <= d are summed, over the raw design's non-zero entries, then carried to the
 * standardized scale (M G M') and mirrored.
 */
function information(d: SparseDesign, probs: Float64Array, k: number, st: Standardization, lambda: number): Matrix {
  const p = d.p;
  const km1 = k - 1;
  const q = km1 * p;
  const blocks: Float64Array[] = [];
  for (let c = 1; c < k; c++) for (let e = c; e < k; e++) blocks.push(new Float64Array(p * p));
  const w = new Float64Array(blocks.length);
  for (let i = 0; i < d.n; i++) {
    let b = 0;
    for (let c = 1; c < k; c++) {
      const pc = probs[i * k + c];
      for (let e = c; e < k; e++) w[b++] = pc * ((c === e ? 1 : 0) - probs[i * k + e]);
    }
    const lo = d.start[i];
    const hi = d.start[i + 1];
    for (let a = lo; a < hi; a++) {
      const ja = d.cols[a];
      const va = d.vals[a];
      for (let bb = a; bb < hi; bb++) {
        const v = va * d.vals[bb];
        const at = ja * p + d.cols[bb];
        for (let m = 0; m < blocks.length; m++) blocks[m][at] += w[m] * v;
      }
    }
  }
  const info = zeros(q, q);
  let b = 0;
  for (let c = 0; c < km1; c++)
    for (let e = c; e < km1; e++, b++) {
      const g = blocks[b];
      // Symmetric on the raw scale first.
      for (let j = 0; j < p; j++) for (let l = j + 1; l < p; l++) g[l * p + j] = g[j * p + l];
      // M G M', M the affine map of vectorToStandard, applied to the rows then the columns.
      const rows = new Float64Array(p * p);
      const col = new Float64Array(p);
      for (let l = 0; l < p; l++) {
        for (let j = 0; j < p; j++) col[j] = g[j * p + l];
        const t = vectorToStandard(col, st);
        for (let j = 0; j < p; j++) rows[j * p + l] = t[j];
      }
      for (let j = 0; j < p; j++) {
        const t = vectorToStandard(rows.subarray(j * p, j * p + p), st);
        for (let l = 0; l < p; l++) {
          info[c * p + j][e * p + l] = t[l];
          info[e * p + l][c * p + j] = t[l];
        }
      }
    }
  for (let c = 0; c < km1; c++) for (let j = 0; j < p; j++) if (lambda > 0 && !(st.intercept && j === 0)) info[c * p + j][c * p + j] += lambda;
  return info;
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
function newton(d: SparseDesign, st: Standardization, y: readonly number[], k: number, lambda: number, maxIterations: number, tolerance: number): NewtonResult {
  const p = d.p;
  const q = (k - 1) * p;
  const intercept = st.intercept;
  const penalized = (j: number) => lambda > 0 && !(intercept && j === 0);
  let beta: Matrix = zeros(k - 1, p);
  // Starting intercepts at the marginal log-odds reaches the MLE in fewer steps.
  if (intercept) {
    const counts = new Array<number>(k).fill(0);
    for (const c of y) counts[c]++;
    for (let c = 1; c < k; c++) beta[c - 1][0] = Math.log((counts[c] + 0.5) / (counts[0] + 0.5));
  }
  const objective = (b: Matrix) => {
    const { eta, probs } = predict(d, b, st);
    let pen = 0;
    for (let c = 0; c < k - 1; c++) for (let j = 0; j < p; j++) if (penalized(j)) pen += b[c][j] ** 2;
    const ll = logLik(probs, y, k);
    return { eta, probs, ll, value: ll - (lambda / 2) * pen };
  };
  let current = objective(beta);
  let converged = false;
  let iterations = 0;
  let information_: Matrix | null = null;
  for (; iterations < maxIterations;) {
    iterations++;
    // The score on the raw design, then on the standardized scale.
    const grad = new Array<number>(q).fill(0);
    for (let c = 1; c < k; c++) {
      const raw = new Float64Array(p);
      for (let i = 0; i < d.n; i++) {
        const r = (y[i] === c ? 1 : 0) - current.probs[i * k + c];
        if (r === 0) continue;
        for (let e = d.start[i]; e < d.start[i + 1]; e++) raw[d.cols[e]] += r * d.vals[e];
      }
      const z = vectorToStandard(raw, st);
      for (let j = 0; j < p; j++) grad[(c - 1) * p + j] = z[j];
    }
    const info = information(d, current.probs, k, st, lambda);
    for (let c = 0; c < k - 1; c++) for (let j = 0; j < p; j++) if (penalized(j)) grad[c * p + j] -= lambda * beta[c][j];
    const inv = invert(info);
    if (!inv) {
      information_ = null;
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
    information_ = info;
    if (change / (Math.abs(-2 * current.ll) + 0.1) < tolerance) {
      converged = true;
      break;
    }
  }
  // The information at the final coefficients gives the standard errors.
  if (information_) information_ = information(d, current.probs, k, st, lambda);
  let maxEta = 0;
  for (const v of current.eta) if (Math.abs(v) > maxEta) maxEta = Math.abs(v);
  return { beta, information: information_, converged, iterations, maxEta, deviance: -2 * current.ll };
}

function fitCore(x: readonly (readonly number[])[], y: readonly number[], k: number, options: LogisticOptions): CoreFit {
  const intercept = options.intercept ?? true;
  const maxIterations = options.maxIterations ?? 25;
  const tolerance = options.tolerance ?? 1e-8;
  const ridge = options.ridge ?? 1;
  const fallback = options.ridgeFallback ?? true;
  if (x.length !== y.length) throw new RangeError('x and y differ in length');
  if (x.length === 0) throw new RangeError('no observations');
  const design = sparseDesign(x, intercept);
  if (design.p === 0) throw new RangeError('model has no terms');
  const st = standardization(design, intercept);

  let res = newton(design, st, y, k, 0, maxIterations, tolerance);
  const separation = !res.information || !res.converged || res.maxEta > ETA_LIMIT;
  let penalty = 0;
  if (separation && fallback && ridge > 0) {
    res = newton(design, st, y, k, ridge, maxIterations, tolerance);
    penalty = ridge;
  }
  // Back to the raw covariate scale: beta = A gamma with A built from centre and scale.
  const p = design.p;
  const a = zeros(p, p);
  for (let j = 0; j < p; j++) {
    a[j][j] = 1 / st.scale[j];
    if (intercept && j > 0) a[0][j] = -st.centre[j] / st.scale[j];
  }
  const coefficients = res.beta.map((g) => [...toRaw(g, st)]);
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
  const d = sparseDesign(x, intercept);
  const identity: Standardization = { centre: new Float64Array(d.p), scale: new Float64Array(d.p).fill(1), intercept };
  const { probs } = predict(d, coefficients, identity);
  const k = coefficients.length + 1;
  return Array.from({ length: d.n }, (_, i) => Array.from(probs.subarray(i * k, i * k + k)));
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

import { logisticRegression, multinomialLogisticRegression, predictLogistic, predictMultinomial } from './logistic';
import { mulberry32 } from './random';

// Space Shuttle O-ring data, 23 flights before Challenger: launch temperature (F) and whether
// any O-ring was thermally distressed. Dalal, Fowlkes & Hoadley, J Am Stat Assoc 1989;84:945-957,
// Table 1. The binary-outcome ML fit logit(p) = 15.0429 - 0.2322 temp (SE 7.3786, 0.1082;
// residual deviance 20.315 on 21 df) is the R glm(family = binomial) output for these data.
const temperature = [66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78, 67, 53, 67, 75, 70, 81, 76, 79, 75, 76, 58];
const distress = [0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1];

describe('binary logistic regression', () => {
  const fit = logisticRegression(
    temperature.map((t) => [t]),
    distress,
  );

  it('reproduces the Challenger fit: 15.0429 - 0.2322 temp, SE 7.3786 and 0.1082', () => {
    expect(fit.coefficients[0]).toBeCloseTo(15.0429, 4);
    expect(fit.coefficients[1]).toBeCloseTo(-0.2322, 4);
    expect(fit.standardErrors[0]).toBeCloseTo(7.3786, 4);
    expect(fit.standardErrors[1]).toBeCloseTo(0.1082, 4);
    expect(fit.deviance).toBeCloseTo(20.315, 3);
    expect(fit.converged).toBe(true);
    expect(fit.separation).toBe(false);
    expect(fit.penalty).toBe(0);
  });

  it('predicts P(distress) at 31 F, the Challenger launch temperature: 0.9996', () => {
    // exp(15.0429 - 0.2322 * 31) / (1 + exp(...)) = 0.99961
    expect(predictLogistic(fit, [[31]])[0]).toBeCloseTo(0.9996, 4);
  });

  it('flags complete separation and returns a finite ridge fit instead of diverging', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8].map((v) => [v]);
    const y = [0, 0, 0, 0, 1, 1, 1, 1];
    const sep = logisticRegression(x, y);
    expect(sep.separation).toBe(true);
    expect(sep.penalty).toBe(1);
    expect(sep.coefficients.every(Number.isFinite)).toBe(true);
    expect(sep.standardErrors.every(Number.isFinite)).toBe(true);
    expect(sep.coefficients[1]).toBeGreaterThan(0);
    expect(sep.fitted.every((p) => p > 0 && p < 1)).toBe(true);
  });

  it('stops at the iteration cap and reports non-convergence when the fallback is off', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8].map((v) => [v]);
    const y = [0, 0, 0, 0, 1, 1, 1, 1];
    const sep = logisticRegression(x, y, { ridgeFallback: false, maxIterations: 10 });
    expect(sep.iterations).toBe(10);
    expect(sep.converged).toBe(false);
    expect(sep.separation).toBe(true);
    expect(sep.penalty).toBe(0);
  });

  it('flags a collinear design (singular information) rather than returning garbage', () => {
    const x = temperature.map((t) => [t, 2 * t]);
    const res = logisticRegression(x, distress);
    expect(res.separation).toBe(true);
    expect(res.penalty).toBeGreaterThan(0);
    expect(res.coefficients.every(Number.isFinite)).toBe(true);
  });
});

// Agresti A. An Introduction to Categorical Data Analysis, 2nd ed. (Wiley 2007), section
// 6.1.2, Table 6.1: primary food choice (F fish, I invertebrates, O other) of 59 Florida
// alligators by length (m). Baseline-category fit with fish as baseline:
// log(pi_I/pi_F) = 4.080 - 2.355 x (SE 0.803), log(pi_O/pi_F) = -1.618 + 0.110 x (SE 0.517);
// at the maximum length 3.89 m, pi_F = 0.76, pi_I = 0.005, pi_O = 0.23.
const gator = `1.24 I 1.30 I 1.30 I 1.32 F 1.32 F 1.40 F 1.42 I 1.42 F 1.45 I 1.45 O 1.47 I 1.47 F
1.50 I 1.52 I 1.55 I 1.60 I 1.63 I 1.65 O 1.65 I 1.65 F 1.65 F 1.68 F 1.70 I 1.73 O 1.78 I 1.78 I
1.78 O 1.80 I 1.80 F 1.85 F 1.88 I 1.93 I 1.98 I 2.03 F 2.03 F 2.16 F 2.26 F 2.31 F 2.31 F 2.36 F
2.36 F 2.39 F 2.41 F 2.44 F 2.46 F 2.56 O 2.67 F 2.72 I 2.79 F 2.84 F 3.25 O 3.28 O 3.33 F 3.56 F
3.58 F 3.66 F 3.68 O 3.71 F 3.89 F`.split(/\s+/);
const length: number[] = [];
const food: string[] = [];
for (let i = 0; i < gator.length; i += 2) {
  length.push(Number(gator[i]));
  food.push(gator[i + 1]);
}

describe('multinomial logistic regression', () => {
  const fit = multinomialLogisticRegression(
    length.map((v) => [v]),
    food,
    { classes: ['F', 'I', 'O'], reference: 'F' },
  );

  it('has the 59 alligators of Agresti Table 6.1', () => {
    expect(length).toHaveLength(59);
  });

  it('reproduces Agresti: I vs F 4.080 - 2.355 x (SE 0.803); O vs F -1.618 + 0.110 x (SE 0.517)', () => {
    expect(fit.contrasts).toEqual(['I', 'O']);
    expect(fit.coefficients[0][0]).toBeCloseTo(4.08, 3);
    expect(fit.coefficients[0][1]).toBeCloseTo(-2.355, 3);
    expect(fit.standardErrors[0][1]).toBeCloseTo(0.803, 3);
    expect(fit.coefficients[1][0]).toBeCloseTo(-1.618, 3);
    expect(fit.coefficients[1][1]).toBeCloseTo(0.11, 3);
    expect(fit.standardErrors[1][1]).toBeCloseTo(0.517, 3);
    expect(fit.converged).toBe(true);
  });

  it('predicts at 3.89 m: fish 0.76, invertebrates 0.005, other 0.23', () => {
    const [pF, pI, pO] = predictMultinomial(fit, [[3.89]])[0];
    expect(pF).toBeCloseTo(0.76, 2);
    expect(pI).toBeCloseTo(0.005, 3);
    expect(pO).toBeCloseTo(0.23, 2);
  });

  it('fitted probabilities sum to one per subject, columns in class order', () => {
    for (const row of fit.fitted) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const other = multinomialLogisticRegression(
      length.map((v) => [v]),
      food,
      { classes: ['I', 'O', 'F'], reference: 'F' },
    );
    expect(other.fitted[0][2]).toBeCloseTo(fit.fitted[0][0], 8);
  });

  it('with two classes equals the binary fit', () => {
    const y = distress.map((d) => (d ? 'yes' : 'no'));
    const m = multinomialLogisticRegression(
      temperature.map((t) => [t]),
      y,
      { classes: ['no', 'yes'] },
    );
    expect(m.coefficients[0][1]).toBeCloseTo(-0.2322, 4);
    expect(m.standardErrors[0][1]).toBeCloseTo(0.1082, 4);
  });
});

// The registry's propensity models are mostly indicators of categories, mostly 0; the fit sums
// over the design's non-zero entries only. 400 generated patients (the generator below, seed
// 2026) with two numeric covariates and four rare indicators, fitted in R 4.2:
//   glm(event ~ age + nrs + cancer + frail + dementia + thoracic, family = binomial)
//   nnet::multinom(group ~ ..., maxit = 1000, reltol = 1e-15, abstol = 1e-15), reference C,
//   standard errors from summary(m, Hess = TRUE).
describe('fits on a sparse design of rare indicators, against R', () => {
  const u = mulberry32(2026);
  const x: number[][] = [];
  const group: string[] = [];
  const event: number[] = [];
  for (let i = 0; i < 400; i++) {
    const age = 60 + Math.round(30 * u());
    const nrs = Math.round(10 * u());
    const cancer = u() < 0.08 ? 1 : 0;
    const frail = u() < 0.2 ? 1 : 0;
    const dementia = u() < 0.05 ? 1 : 0;
    const thoracic = u() < 0.4 ? 1 : 0;
    const ev = Math.exp(-2 + 0.03 * (age - 60) + 0.8 * cancer - 0.5 * frail);
    const ek = Math.exp(-2.5 + 0.15 * nrs + 0.6 * thoracic);
    const r = u() * (1 + ev + ek);
    group.push(r < 1 ? 'C' : r < 1 + ev ? 'V' : 'K');
    event.push(u() < 1 / (1 + Math.exp(-(-3 + 0.04 * (age - 60) + 1.2 * dementia + 0.7 * cancer))) ? 1 : 0);
    x.push([age, nrs, cancer, frail, dementia, thoracic]);
  }

  it('has the generated groups R counted: 262 C, 69 K, 69 V', () => {
    expect(['C', 'K', 'V'].map((g) => group.filter((v) => v === g).length)).toEqual([262, 69, 69]);
  });

  it('binary: glm coefficients, standard errors and deviance', () => {
    const fit = logisticRegression(x, event);
    const coef = [-5.2616439389, 0.0393339235, -0.0632790166, 0.6160417861, 0.047546201, 1.2375320599, 0.2614975625];
    const se = [1.6345289239, 0.0203815522, 0.0619190811, 0.4901596234, 0.4476479002, 0.6146735481, 0.3598906685];
    coef.forEach((v, j) => expect(fit.coefficients[j]).toBeCloseTo(v, 7));
    // glm's standard errors come from the weights of its last iteration, before its last step.
    se.forEach((v, j) => expect(fit.standardErrors[j]).toBeCloseTo(v, 4));
    expect(fit.deviance).toBeCloseTo(237.1355562381, 7);
  });

  it('multinomial: multinom coefficients, standard errors and deviance', () => {
    const fit = multinomialLogisticRegression(x, group, { classes: ['C', 'K', 'V'], reference: 'C' });
    const coef = {
      K: [-1.82311851, -0.0009234, 0.11941803, -0.70341994, -0.64530818, 0.00691666, 0.24666364],
      V: [-4.04446248, 0.03381735, 0.01462458, 0.58200851, -0.37455694, -0.44204085, 0.19603979],
    };
    const se = {
      K: [1.21100499, 0.01567038, 0.04886349, 0.55824446, 0.37876937, 0.68014619, 0.27742402],
      V: [1.24751027, 0.01575146, 0.04823019, 0.38195572, 0.36528792, 0.78878627, 0.28074879],
    };
    fit.contrasts.forEach((cl, c) => {
      coef[cl as 'K' | 'V'].forEach((v, j) => expect(fit.coefficients[c][j]).toBeCloseTo(v, 4));
      se[cl as 'K' | 'V'].forEach((v, j) => expect(fit.standardErrors[c][j]).toBeCloseTo(v, 4));
    });
    expect(fit.deviance).toBeCloseTo(686.24354285, 5);
  });
});

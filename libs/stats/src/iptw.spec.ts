import { mean } from './descriptive';
import {
  iptwWeights,
  receivedProbability,
  receivedProbabilityBinary,
  trimByPropensity,
  truncateWeights,
  truncateWeightsAtPercentiles,
  weightedMeanCI,
  weightedMeanDifference,
} from './iptw';
import { logisticRegression, multinomialLogisticRegression } from './logistic';
import { mulberry32 } from './random';
import { effectiveSampleSize } from './weighted';

// IPTW has no compact published worked example with a sandwich SE to inline, so the
// closed-form case below is computed by hand, and the simulations check the properties the
// method guarantees: stabilized weights average about 1 (Robins, Hernan & Brumback 2000,
// Epidemiology 11:550), Kish ESS <= n, and removal of confounding bias.
describe('IPTW weights, hand-computed case', () => {
  // Four subjects: propensity e = P(treated | X), treatment received.
  const ps = [0.2, 0.5, 0.8, 0.4];
  const treated = [1, 0, 1, 0];
  const received = receivedProbabilityBinary(ps, treated); // 0.2, 0.5, 0.8, 0.6

  it('ATE weights are 1 / P(received): 5, 2, 1.25, 1.667', () => {
    expect(received).toEqual([0.2, 0.5, 0.8, 0.6]);
    const w = iptwWeights(received);
    [5, 2, 1.25, 1 / 0.6].forEach((v, i) => expect(w[i]).toBeCloseTo(v, 12));
  });

  it('stabilized weights multiply by P(T = t) = 2/4: 2.5, 1, 0.625, 0.833', () => {
    const w = iptwWeights(received, { stabilize: true, treatment: treated });
    [2.5, 1, 0.625, 0.5 / 0.6].forEach((v, i) => expect(w[i]).toBeCloseTo(v, 12));
  });

  it('Hajek difference with sandwich SE, worked by hand', () => {
    // Treated: y = 10, 4 with w = 5, 1.25 -> mean (50 + 5) / 6.25 = 8.8; residuals 1.2, -4.8;
    //   sum w^2 e^2 = 25 * 1.44 + 1.5625 * 23.04 = 72; variance 72 / 6.25^2 = 1.8432.
    // Control: y = 6, 3 with w = 2, 5/3 -> mean 17 / (11/3) = 51/11; residuals 15/11, -18/11;
    //   sum w^2 e^2 = 900/121 + 900/121; variance (1800/121) / (11/3)^2 = 16200/14641.
    // Difference 8.8 - 51/11 = 4.163636, SE sqrt(1.8432 + 1.106482) = 1.717464.
    const w = iptwWeights(received);
    const d = weightedMeanDifference([10, 4], [w[0], w[2]], [6, 3], [w[1], w[3]]);
    expect(d.mean1).toBeCloseTo(8.8, 12);
    expect(d.mean2).toBeCloseTo(51 / 11, 12);
    expect(d.difference).toBeCloseTo(4.163636, 6);
    expect(d.se).toBeCloseTo(Math.sqrt(1.8432 + 16200 / 14641), 12);
    expect(d.se).toBeCloseTo(1.717464, 6);
    expect(d.lower).toBeCloseTo(4.163636 - 1.959964 * 1.717464, 5);
    // Stabilizing multiplies each group's weights by a constant, which a Hajek estimator ignores.
    const s = iptwWeights(received, { stabilize: true, treatment: treated });
    const ds = weightedMeanDifference([10, 4], [s[0], s[2]], [6, 3], [s[1], s[3]]);
    expect(ds.difference).toBeCloseTo(d.difference, 12);
    expect(ds.se).toBeCloseTo(d.se, 12);
  });

  it('weighted mean CI with unit weights is mean +/- z * sqrt((n-1)/n) * sd / sqrt(n) (HC0)', () => {
    const y = [3, 5, 9, 11];
    const ci = weightedMeanCI(y, [1, 1, 1, 1]);
    // sum (y - 7)^2 = 16 + 4 + 4 + 16 = 40; HC0 variance 40 / 16 = 2.5
    expect(ci.mean).toBe(7);
    expect(ci.se).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(ci.upper - ci.mean).toBeCloseTo(1.959964 * Math.sqrt(2.5), 5);
  });

  it('rejects probabilities of 0 (positivity violation)', () => {
    expect(() => iptwWeights([0.5, 0])).toThrow(RangeError);
  });
});

describe('truncation and trimming', () => {
  it('truncates at absolute bounds', () => {
    expect(truncateWeights([0.05, 1, 30], { lower: 0.1, upper: 10 })).toEqual([0.1, 1, 10]);
  });

  it('truncates at type 7 percentiles: 1..101 at 5% and 95% -> 6 and 96', () => {
    const w = Array.from({ length: 101 }, (_, i) => i + 1);
    const t = truncateWeightsAtPercentiles(w, 0.05, 0.95);
    expect(Math.min(...t)).toBe(6);
    expect(Math.max(...t)).toBe(96);
    expect(t[50]).toBe(51);
  });

  it('trims by propensity (Crump et al. 2009 rule, alpha = 0.1)', () => {
    expect(trimByPropensity([0.05, 0.1, 0.5, 0.9, 0.95])).toEqual([false, true, true, true, false]);
    expect(
      trimByPropensity(
        [
          [0.2, 0.3, 0.5],
          [0.05, 0.45, 0.5],
        ],
        0.1,
      ),
    ).toEqual([true, false]);
  });
});

describe('IPTW properties on simulated confounded data', () => {
  // One confounder x raises both the chance of treatment and the outcome; the true
  // treatment effect is 2. Naive comparison is biased upwards.
  const random = mulberry32(42);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const n = 4000;
  const x = Array.from({ length: n }, normal);
  const treated = x.map((v) => (random() < 1 / (1 + Math.exp(-(-0.3 + 1.2 * v))) ? 1 : 0));
  const y = x.map((v, i) => 1 + 2 * treated[i] + 3 * v + normal());

  const ps = logisticRegression(
    x.map((v) => [v]),
    treated,
  ).fitted;
  const received = receivedProbabilityBinary(ps, treated);
  const stabilized = iptwWeights(received, { stabilize: true, treatment: treated });
  const raw = iptwWeights(received);
  const idx1 = treated.flatMap((t, i) => (t ? [i] : []));
  const idx0 = treated.flatMap((t, i) => (t ? [] : [i]));

  it('stabilized weights average about 1; ESS <= n', () => {
    expect(Math.abs(mean(stabilized) - 1)).toBeLessThan(0.05);
    expect(effectiveSampleSize(stabilized)).toBeLessThanOrEqual(n);
    expect(effectiveSampleSize(raw)).toBeLessThanOrEqual(n);
  });

  it('recovers the true effect 2 where the naive difference does not', () => {
    const naive = mean(idx1.map((i) => y[i])) - mean(idx0.map((i) => y[i]));
    const d = weightedMeanDifference(
      idx1.map((i) => y[i]),
      idx1.map((i) => stabilized[i]),
      idx0.map((i) => y[i]),
      idx0.map((i) => stabilized[i]),
    );
    expect(naive - 2).toBeGreaterThan(1);
    expect(d.lower).toBeLessThan(2);
    expect(d.upper).toBeGreaterThan(2);
  });

  it('three treatments: generalized propensity from the multinomial fit, stabilized weights average about 1 per arm', () => {
    const arms = ['conservative', 'vertebroplasty', 'kyphoplasty'];
    const t = x.map((v) => {
      const e = [0, 0.8 * v, -0.5 + 0.4 * v].map(Math.exp);
      const s = e[0] + e[1] + e[2];
      const u = random() * s;
      return u < e[0] ? 0 : u < e[0] + e[1] ? 1 : 2;
    });
    const fit = multinomialLogisticRegression(
      x.map((v) => [v]),
      t.map((k) => arms[k]),
      { classes: arms },
    );
    const pr = receivedProbability(fit.fitted, t);
    const w = iptwWeights(pr, { stabilize: true, treatment: t });
    expect(Math.abs(mean(w) - 1)).toBeLessThan(0.05);
    // Stabilized weights keep each arm's weighted size at about n * P(T = t).
    for (let k = 0; k < 3; k++) {
      const inArm = w.filter((_, i) => t[i] === k);
      const share = inArm.length / n;
      expect(inArm.reduce((a, b) => a + b, 0) / n).toBeCloseTo(share, 1);
    }
  });
});

import { variance } from './descriptive';
import { effectiveSampleSize, weightedMean, weightedSd, weightedVariance } from './weighted';

// No published table gives a weighted variance for a dataset small enough to inline, so
// these are checked by hand against the formula of Austin & Stuart (2015, Stat Med
// 34:3661-3679, section 4.1.1) and against its reduction to the ordinary estimators.
describe('weighted mean and variance', () => {
  it('computes x = [1, 2, 3], w = [1, 1, 2] by hand', () => {
    // mean = (1 + 2 + 6) / 4 = 2.25
    // sum w (x - m)^2 = 1.5625 + 0.0625 + 2 * 0.5625 = 2.75
    // factor sum(w) / (sum(w)^2 - sum(w^2)) = 4 / (16 - 6) = 0.4, so variance = 1.1
    expect(weightedMean([1, 2, 3], [1, 1, 2])).toBeCloseTo(2.25, 12);
    expect(weightedVariance([1, 2, 3], [1, 1, 2])).toBeCloseTo(1.1, 12);
    expect(weightedSd([1, 2, 3], [1, 1, 2])).toBeCloseTo(Math.sqrt(1.1), 12);
  });

  it('reduces to the n - 1 variance with equal weights, whatever their scale', () => {
    const x = [2.1, 3.4, 1.9, 5.6, 4.4];
    expect(weightedVariance(x, [1, 1, 1, 1, 1])).toBeCloseTo(variance(x), 12);
    expect(weightedVariance(x, [3.7, 3.7, 3.7, 3.7, 3.7])).toBeCloseTo(variance(x), 12);
  });

  it('rejects negative weights and mismatched lengths', () => {
    expect(() => weightedMean([1, 2], [1, -1])).toThrow(RangeError);
    expect(() => weightedMean([1, 2], [1])).toThrow(RangeError);
  });
});

describe('Kish effective sample size', () => {
  it('is n for equal weights and (sum w)^2 / sum w^2 otherwise', () => {
    expect(effectiveSampleSize([2, 2, 2, 2])).toBeCloseTo(4, 12);
    // (1 + 1 + 2)^2 / (1 + 1 + 4) = 16 / 6
    expect(effectiveSampleSize([1, 1, 2])).toBeCloseTo(16 / 6, 12);
  });
});

import { chiSquarePValue, normalTwoSidedP, tTwoSidedP } from './distributions';

// Reference values: R 4.2.2, pchisq(x, df, lower.tail = FALSE), 2 * pnorm(-|z|) and
// 2 * pt(-|t|, df). 1 - pchisq(200, 2) is 0 in R as in any double arithmetic; the upper tail
// computed directly keeps the magnitude.
describe('p-values from the upper tail directly', () => {
  it.each([
    [200, 2, 3.72007597602084e-44],
    [60, 1, 9.48573757107385e-15],
    [1000, 1, 1.79583278480073e-219],
    [3.84, 1, 0.0500435212487052],
    [0.5, 4, 0.973500978839256],
  ])('chi-square %d on %d df: p = %e (pchisq lower.tail = FALSE)', (x, df, p) => {
    expect(chiSquarePValue(x, df) / p).toBeCloseTo(1, 10);
  });

  it('a chi-square p below the smallest double is 0, as R gives for pchisq(1500, 3, lower.tail = FALSE)', () => {
    expect(chiSquarePValue(1500, 3)).toBe(0);
  });

  it('a statistic of 0 (or rounding just below it) has p = 1; NaN stays NaN', () => {
    expect(chiSquarePValue(0, 1)).toBe(1);
    expect(chiSquarePValue(-1e-15, 2)).toBe(1);
    expect(chiSquarePValue(NaN, 2)).toBeNaN();
  });

  it('two-sided normal and t p-values keep their magnitude: 2 pnorm(-12), 2 pt(-15, 30)', () => {
    expect(normalTwoSidedP(12) / 3.55296422415536e-33).toBeCloseTo(1, 10);
    expect(normalTwoSidedP(-12) / 3.55296422415536e-33).toBeCloseTo(1, 10);
    expect(tTwoSidedP(-15, 30) / 1.75332965574849e-15).toBeCloseTo(1, 8);
    expect(normalTwoSidedP(0)).toBe(1);
    expect(tTwoSidedP(0, 5)).toBe(1);
  });
});

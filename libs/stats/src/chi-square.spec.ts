import { chiSquareTest } from './chi-square';

// Party identification by gender, Agresti A. An Introduction to Categorical Data Analysis
// (2nd ed. 2007, Table 2.5, p. 38-39): X^2 = 30.1 with df = 2; reproduced as the example of
// R's ?chisq.test, whose output is X-squared = 30.07, df = 2, p-value = 2.954e-07.
describe('chi-square test of independence', () => {
  const table = [
    [762, 327, 468],
    [484, 239, 477],
  ];

  it('X^2 = 30.07, df = 2, p = 2.954e-07', () => {
    const r = chiSquareTest(table);
    expect(r.statistic).toBeCloseTo(30.07, 2);
    expect(r.df).toBe(2);
    expect(r.pValue * 1e7).toBeCloseTo(2.954, 3);
  });

  it('expected counts: first cell 1557 * 1246 / 2757 = 703.7 (Agresti Table 2.5)', () => {
    const r = chiSquareTest(table);
    expect(r.expected[0][0]).toBeCloseTo(703.7, 1);
    // Standardized residuals in Agresti are adjusted; Pearson residual (762 - 703.7) / sqrt(703.7) = 2.20.
    expect(r.residuals[0][0]).toBeCloseTo(2.2, 2);
    expect(r.smallExpectedCells).toBe(0);
  });

  it('drops all-zero columns from the degrees of freedom and flags small expected counts', () => {
    const r = chiSquareTest([
      [3, 0, 5],
      [6, 0, 1],
    ]);
    expect(r.df).toBe(1);
    expect(r.smallExpectedCells).toBeGreaterThan(0);
  });

  it('rejects ragged or negative tables', () => {
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(RangeError);
    expect(() => chiSquareTest([[1, -2]])).toThrow(RangeError);
  });
});

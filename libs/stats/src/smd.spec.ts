import { smdBinary, smdBinaryData, smdContinuous, smdFromSummary, weightedSmdBinary, weightedSmdContinuous } from './smd';

// Formulas: Austin PC. Balance diagnostics for comparing the distribution of baseline
// covariates between treatment groups in propensity-score matched samples. Stat Med
// 2009;28:3083-3107, equations for continuous and dichotomous variables. Inputs below are
// the published Table 1 of the Mayo PBC trial by treatment arm as printed by R's tableone
// (Yoshida & Bartel, test reference output); the SMDs are computed by hand from them,
// because that table does not print SMDs.
describe('standardized mean difference', () => {
  it('continuous: age 51.42 (11.01) vs 48.58 (9.96) -> 2.84 / sqrt((11.01^2 + 9.96^2) / 2) = 0.2705', () => {
    expect(smdFromSummary(51.42, 11.01, 48.58, 9.96)).toBeCloseTo(0.2705, 4);
  });

  it('binary: female 137/158 vs 139/154 -> -0.1114', () => {
    // p1 = 0.867089, p2 = 0.902597; pooled SD = sqrt((0.115246 + 0.087915) / 2) = 0.318717
    expect(smdBinary(137 / 158, 139 / 154)).toBeCloseTo(-0.1114, 4);
  });

  it('raw-data versions agree with the summary versions', () => {
    // a: mean 4, variance 20/3; b: mean 3.6, variance (2*2.56 + 2*0.16 + 5.76) / 4 = 2.8
    const a = [1, 3, 5, 7];
    const b = [2, 2, 4, 4, 6];
    expect(smdContinuous(a, b)).toBeCloseTo(smdFromSummary(4, Math.sqrt(20 / 3), 3.6, Math.sqrt(2.8)), 12);
    expect(smdContinuous(a, b)).toBeCloseTo(0.4 / Math.sqrt((20 / 3 + 2.8) / 2), 12);
    expect(smdBinaryData([1, 0, 1, 1], [true, false, false, false])).toBeCloseTo(smdBinary(0.75, 0.25), 12);
  });

  it('is 0 for identical constant groups instead of NaN', () => {
    expect(smdFromSummary(2, 0, 2, 0)).toBe(0);
    expect(smdBinary(1, 1)).toBe(0);
  });

  it('weighted versions equal the unweighted ones with unit weights', () => {
    const a = [1, 3, 5, 7];
    const b = [2, 2, 4, 4, 6];
    const one = (n: number) => new Array<number>(n).fill(1);
    expect(weightedSmdContinuous(a, one(4), b, one(5))).toBeCloseTo(smdContinuous(a, b), 12);
    expect(weightedSmdBinary([1, 0, 1, 1], one(4), [1, 0, 0, 0], one(4))).toBeCloseTo(smdBinary(0.75, 0.25), 12);
  });

  it('weighting can remove an imbalance: weights that equalise the prevalences give SMD 0', () => {
    // Group 1 prevalence 3/4; weighting the single 0 by 3 makes it 3/6 = 0.5, equal to group 2.
    expect(weightedSmdBinary([1, 0, 1, 1], [1, 3, 1, 1], [1, 0], [1, 1])).toBeCloseTo(0, 12);
  });
});

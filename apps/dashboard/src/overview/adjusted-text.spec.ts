import { adjustedSentences, baselineImbalance, imbalanceWarning, type AdjustedPain } from './adjusted-text';

const A: AdjustedPain = {
  n: 300,
  suppressedGroups: [],
  means: [
    { group: 'CONSERVATIVE', n: 120, mean: 4.1, adjusted: 4.0, adjustedLower: 3.6, adjustedUpper: 4.4 },
    { group: 'VERTEBROPLASTY', n: 100, mean: 3.0, adjusted: 2.8, adjustedLower: 2.4, adjustedUpper: 3.2 },
    { group: 'KYPHOPLASTY', n: 80, mean: 3.9, adjusted: 4.1, adjustedLower: 3.5, adjustedUpper: 4.7 },
  ],
  differences: [
    { group: 'VERTEBROPLASTY', versus: 'CONSERVATIVE', adjusted: -1.2, adjustedLower: -1.7, adjustedUpper: -0.7 },
    { group: 'KYPHOPLASTY', versus: 'CONSERVATIVE', adjusted: 0.1, adjustedLower: -0.6, adjustedUpper: 0.8 },
  ],
  balance: [
    { covariate: 'baselineNrs', group: 'VERTEBROPLASTY', versus: 'CONSERVATIVE', smdBefore: 0.42, smdAfter: 0.03 },
    { covariate: 'age', group: 'KYPHOPLASTY', versus: 'CONSERVATIVE', smdBefore: -0.15, smdAfter: -0.12 },
    { covariate: 'female', group: 'KYPHOPLASTY', versus: 'CONSERVATIVE', smdBefore: 0.05, smdAfter: 0.01 },
  ],
};

describe('the adjusted answer in words', () => {
  it('says per treatment its adjusted mean with interval and n, and which way it differs, by its interval', () => {
    const [cons, vp, kp] = adjustedSentences(A, 'at one month');
    expect(cons).toMatch(/^Conservative.*: mean pain at one month 4\.0 of 10 \(95% CI 3\.6 to 4\.4; n = 120\), the reference\.$/);
    expect(vp).toMatch(
      /^Vertebroplasty: mean pain at one month 2\.8 of 10 \(95% CI 2\.4 to 3\.2; n = 100\): 1\.2 points lower \(better\) than conservative.* \(95% CI 0\.7 to 1\.7\)\.$/,
    );
    // An interval that includes 0 is no clear difference, whatever the point estimate says.
    expect(kp).toMatch(/no clear difference from conservative.* \(\+0\.1 points, 95% CI -0\.6 to \+0\.8\)\.$/);
  });

  it('names the covariates that differed before weighting and those still differing after', () => {
    expect(baselineImbalance(A)).toEqual({ before: ['Baseline NRS pain', 'Age at the index treatment'], after: ['Age at the index treatment'] });
    const w = imbalanceWarning(A)!;
    expect(w).toMatch(/^The treatment groups differed before treatment, most in Baseline NRS pain; Age at the index treatment \(/);
    expect(w).toMatch(/After weighting, 1 still differ, most Age at the index treatment:/);
    // Many covariates: the largest three named, the rest counted.
    const many = {
      ...A,
      balance: ['age', 'female', 'baselineNrs', 'baselineOdi', 'activeCancer'].map((c, i) => ({ ...A.balance[0], covariate: c, smdBefore: 0.5 - i / 20 })),
    };
    expect(imbalanceWarning(many)).toMatch(/most in Age at the index treatment; .*; Baseline NRS pain; and 2 more \(/);
    expect(imbalanceWarning({ ...A, balance: A.balance.map((b) => ({ ...b, smdBefore: 0.02, smdAfter: 0.01 })) })).toBeNull();
  });
});

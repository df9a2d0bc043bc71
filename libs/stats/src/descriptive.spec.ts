import { iqr, mean, meanCI, median, quantile, quartiles, sd, summarize, variance, welchMeanDifference } from './descriptive';

// Cushny & Peebles (1905) hypnotic data as analysed by Student (1908, Biometrika 6:1-25),
// distributed as R's datasets::sleep. Reference numbers are R's printed output of the
// examples in ?sleep / ?t.test (R Core Team, datasets and stats packages).
const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
const differences = group1.map((v, i) => v - group2[i]);

describe('mean, SD and t interval', () => {
  it('reproduces R t.test(extra ~ group, data = sleep, paired = TRUE): mean -1.58, 95% CI -2.4598858 to -0.7001142', () => {
    const ci = meanCI(differences);
    expect(ci.mean).toBeCloseTo(-1.58, 10);
    expect(ci.lower).toBeCloseTo(-2.4598858, 6);
    expect(ci.upper).toBeCloseTo(-0.7001142, 6);
    expect(ci.df).toBe(9);
    // t = -4.0621 in the same output: mean / se.
    expect(ci.mean / ci.se).toBeCloseTo(-4.0621, 4);
  });

  it('uses the n - 1 SD (Student reported the SD of the differences as 1.17 with divisor n; R sd() gives 1.229995)', () => {
    expect(sd(differences)).toBeCloseTo(1.229995, 6);
    expect(Math.sqrt((variance(differences) * 9) / 10)).toBeCloseTo(1.17, 2);
  });

  it('honours other confidence levels: 90% half-width uses t(0.95, 9) = 1.833 (Fisher & Yates table III)', () => {
    const ci = meanCI(differences, 0.9);
    expect((ci.upper - ci.lower) / 2 / ci.se).toBeCloseTo(1.833, 3);
  });

  it('rejects fewer than two values for a CI', () => {
    expect(() => meanCI([1])).toThrow(RangeError);
  });
});

describe('quantiles (Hyndman & Fan 1996 type 7, R default)', () => {
  it('matches R quantile(1:10): 1, 3.25, 5.5, 7.75, 10', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantile(x, p))).toEqual([1, 3.25, 5.5, 7.75, 10]);
  });

  it('matches R summary(sleep$extra): 1st Qu. -0.025, Median 0.950, Mean 1.540, 3rd Qu. 3.400', () => {
    const all = [...group1, ...group2];
    const q = quartiles(all);
    expect(q.q1).toBeCloseTo(-0.025, 3);
    expect(q.median).toBeCloseTo(0.95, 3);
    expect(q.q3).toBeCloseTo(3.4, 3);
    expect(mean(all)).toBeCloseTo(1.54, 3);
    expect(median(all)).toBeCloseTo(0.95, 3);
    expect(iqr(all)).toBeCloseTo(3.425, 3);
  });

  it('does not reorder the input', () => {
    const x = [3, 1, 2];
    quantile(x, 0.5);
    expect(x).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it('bundles n, mean, CI, median and IQR; a single value has no SD', () => {
    const s = summarize(differences);
    expect(s.n).toBe(10);
    expect(s.lower).toBeCloseTo(-2.4598858, 6);
    expect(s.median).toBeCloseTo(quantile(differences, 0.5), 12);
    const one = summarize([4]);
    expect(one.mean).toBe(4);
    expect(one.sd).toBeNaN();
  });
});

describe('Welch difference of means', () => {
  it('reproduces R t.test(extra ~ group, data = sleep): t = -1.8608, df = 17.776, p = 0.07939, CI -3.3654832 to 0.2054832', () => {
    const d = welchMeanDifference(group1, group2);
    expect(d.meanX).toBeCloseTo(0.75, 10);
    expect(d.meanY).toBeCloseTo(2.33, 10);
    expect(d.t).toBeCloseTo(-1.8608, 4);
    expect(d.df).toBeCloseTo(17.776, 3);
    expect(d.pValue).toBeCloseTo(0.07939, 5);
    expect(d.lower).toBeCloseTo(-3.3654832, 6);
    expect(d.upper).toBeCloseTo(0.2054832, 6);
  });
});

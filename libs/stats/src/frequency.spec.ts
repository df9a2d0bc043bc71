import { mean, meanCI, quantile, sd } from './descriptive';
import { frequencyQuantile, frequencySummary, momentsFromSums, tInterval } from './frequency';

// A frequency table must give exactly what the expanded values give. Reference values: the
// quartiles of 1..10 by Hyndman and Fan's definition 7 (R's default quantile type) are
// 3.25, 5.5 and 7.75 (Hyndman & Fan 1996, The American Statistician 50:361-365).
describe('frequency tables', () => {
  it('gives R type 7 quartiles of 1..10 from a table of ones', () => {
    const table = { values: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], counts: Array(10).fill(1) };
    expect(frequencyQuantile(table, 0.25)).toBeCloseTo(3.25, 12);
    expect(frequencyQuantile(table, 0.5)).toBeCloseTo(5.5, 12);
    expect(frequencyQuantile(table, 0.75)).toBeCloseTo(7.75, 12);
  });

  it('equals the expanded values for random tables, including at the ends', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 50; trial++) {
      const values = [...new Set(Array.from({ length: 1 + Math.floor(next() * 12) }, () => Math.round(next() * 100) / 4))];
      const counts = values.map(() => 1 + Math.floor(next() * 9));
      const expanded = values.flatMap((v, i) => Array(counts[i]).fill(v));
      const s = frequencySummary({ values, counts });
      expect(s.n).toBe(expanded.length);
      expect(s.mean).toBeCloseTo(mean(expanded), 10);
      if (expanded.length > 1) expect(s.sd).toBeCloseTo(sd(expanded), 10);
      for (const p of [0, 0.25, 0.5, 0.75, 1]) expect(frequencyQuantile({ values, counts }, p)).toBeCloseTo(quantile(expanded, p), 12);
    }
  });

  it('gives mean and SD from sums', () => {
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    const m = momentsFromSums(
      x.length,
      x.reduce((a, b) => a + b),
      x.reduce((a, b) => a + b * b, 0),
    );
    expect(m.mean).toBe(5);
    expect(m.sd).toBeCloseTo(sd(x), 12);
    expect(momentsFromSums(1, 3, 9)).toEqual({ mean: 3, sd: null });
    expect(momentsFromSums(0, 0, 0)).toEqual({ mean: null, sd: null });
  });

  it('gives the t interval of a mean from its moments, as meanCI does from the values', () => {
    // Mean 5, SD sqrt(32 / 7), t(0.975, 7 df) = 2.364624: 5 -/+ 1.787488.
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    const ci = tInterval(x.length, mean(x), sd(x));
    expect(ci.lower).toBeCloseTo(3.212512, 6);
    expect(ci.upper).toBeCloseTo(6.787488, 6);
    expect(ci.lower).toBeCloseTo(meanCI(x).lower, 12);
    expect(tInterval(x.length, mean(x), sd(x), 0.9).upper).toBeCloseTo(meanCI(x, 0.9).upper, 12);
    expect(tInterval(1, 3, null)).toEqual({ lower: null, upper: null });
    expect(tInterval(0, null, null)).toEqual({ lower: null, upper: null });
  });

  it('refuses an empty table', () => {
    expect(() => frequencySummary({ values: [], counts: [] })).toThrow(RangeError);
  });
});

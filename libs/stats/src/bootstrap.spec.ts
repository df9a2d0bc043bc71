import { bootstrapPercentile } from './bootstrap';
import { meanCI } from './descriptive';
import { mulberry32 } from './random';

describe('mulberry32', () => {
  // No published test vector for mulberry32 is at hand; these check reproducibility and
  // basic uniformity, which is what the bootstrap depends on.
  it('is reproducible for a seed and differs across seeds', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const c = mulberry32(124);
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
  });

  it('returns values in [0, 1) with mean about 1/2 and variance about 1/12', () => {
    const r = mulberry32(7);
    const v = Array.from({ length: 100000 }, r);
    expect(v.every((u) => u >= 0 && u < 1)).toBe(true);
    const m = v.reduce((s, u) => s + u, 0) / v.length;
    const varr = v.reduce((s, u) => s + (u - m) ** 2, 0) / v.length;
    expect(m).toBeCloseTo(0.5, 2);
    expect(varr).toBeCloseTo(1 / 12, 2);
  });
});

describe('percentile bootstrap', () => {
  const sample = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0, 1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
  const meanOf = (s: readonly number[]) => s.reduce((a, b) => a + b, 0) / s.length;

  it('is reproducible with a seed', () => {
    const a = bootstrapPercentile(sample, meanOf, { seed: 1, replicates: 500 });
    const b = bootstrapPercentile(sample, meanOf, { seed: 1, replicates: 500 });
    expect(a.lower).toBe(b.lower);
    expect(a.upper).toBe(b.upper);
  });

  it('for a mean, lands near the t interval (Efron & Tibshirani 1993, ch. 13)', () => {
    const boot = bootstrapPercentile(sample, meanOf, { seed: 2024, replicates: 4000 });
    const t = meanCI(sample);
    expect(boot.estimate).toBeCloseTo(1.54, 10);
    expect(Math.abs(boot.lower - t.lower)).toBeLessThan(0.25);
    expect(Math.abs(boot.upper - t.upper)).toBeLessThan(0.25);
    // Bootstrap SE of a mean is about the plug-in SE sd * sqrt((n - 1) / n) / sqrt(n).
    expect(boot.se).toBeCloseTo(t.se * Math.sqrt(19 / 20), 1);
  });

  it('keeps stratum sizes fixed when resampling by group', () => {
    const data = [...Array(5).fill('a'), ...Array(15).fill('b')] as string[];
    const res = bootstrapPercentile(data, (s) => s.filter((v) => v === 'a').length, { strata: (v) => v, replicates: 50 });
    expect(res.replicates.every((v) => v === 5)).toBe(true);
  });

  it('drops non-finite replicates and counts them', () => {
    const res = bootstrapPercentile([0, 1], (s) => (s.every((v) => v === s[0]) ? NaN : 1), { replicates: 200, seed: 3 });
    expect(res.failed).toBeGreaterThan(0);
    expect(res.failed + res.replicates.length).toBe(200);
  });
});

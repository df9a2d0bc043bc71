import { crumpThreshold, iptwAnalysis } from './iptw-analysis';
import { mulberry32 } from './random';
import { effectiveSampleSize } from './weighted';

describe('effectiveSampleSize (Kish)', () => {
  it('is (sum w)^2 / sum w^2, by hand', () => {
    // w = 1, 2, 3, 4: (10)^2 / (1 + 4 + 9 + 16) = 100 / 30
    expect(effectiveSampleSize([1, 2, 3, 4])).toBeCloseTo(100 / 30, 12);
    // w = 0.5, 0.5, 2: (3)^2 / (0.25 + 0.25 + 4) = 9 / 4.5 = 2
    expect(effectiveSampleSize([0.5, 0.5, 2])).toBeCloseTo(2, 12);
    expect(effectiveSampleSize([3, 3, 3])).toBeCloseTo(3, 12);
  });
});

function data(seed: number, n: number) {
  const u = mulberry32(seed);
  const x: number[][] = [];
  const group: string[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = u() * 4 - 2;
    const x2 = u() < 0.5 ? 1 : 0;
    const e1 = Math.exp(-0.5 + 1.5 * x1);
    const e2 = Math.exp(-1 + 0.5 * x2 - 1.2 * x1);
    const r = u() * (1 + e1 + e2);
    group.push(r < 1 ? 'A' : r < 1 + e1 ? 'B' : 'C');
    x.push([x1, x2]);
    y.push(x1 + u());
  }
  return { x, group, y };
}

describe('iptwAnalysis', () => {
  it("summarises each group's weights, with the Kish ESS, and leaves the weights untruncated", () => {
    const d = data(7, 300);
    const a = iptwAnalysis({ ...d, groups: ['A', 'B', 'C'], binary: [false, true] });
    expect(a.threshold).toBeNull();
    for (const s of a.weightSummary) {
      const w = (a.members.get(s.group) as number[]).map((i) => a.weights[i]);
      expect(s.n).toBe(d.group.filter((g) => g === s.group).length);
      expect(s.trimmed).toBe(0);
      expect(s.min).toBe(Math.min(...w));
      expect(s.max).toBe(Math.max(...w));
      expect(s.sum).toBeCloseTo(
        w.reduce((p, v) => p + v, 0),
        9,
      );
      expect(s.ess).toBeCloseTo(s.sum ** 2 / w.reduce((p, v) => p + v * v, 0), 9);
      expect(s.ess).toBeLessThanOrEqual(s.n);
    }
    // Untruncated: the largest weight overall is the raw stabilized weight, above the 99th percentile.
    const all = a.weights.filter((v) => !Number.isNaN(v)).sort((p, q) => p - q);
    expect(all[all.length - 1]).toBeGreaterThan(all[Math.floor(0.99 * (all.length - 1))]);
  });

  it('reports balance for every pair of groups', () => {
    const a = iptwAnalysis({ ...data(8, 300), groups: ['A', 'B', 'C'], binary: [false, true] });
    const pairs = [...new Set(a.balance.map((b) => `${b.group}-${b.versus}`))];
    expect(pairs).toEqual(['B-A', 'C-A', 'C-B']);
    expect(a.balance).toHaveLength(6);
    expect(a.differences.map((x) => `${x.group}-${x.versus}`)).toEqual(['B-A', 'C-A']);
  });

  it('trims by the multinomial Crump rule: patients with a propensity under 0.067 are removed and counted per group', () => {
    const d = data(9, 400);
    const a = iptwAnalysis({ ...d, groups: ['A', 'B', 'C'], binary: [false, true], trimming: 'CRUMP' });
    expect(a.threshold).toBe(0.067);
    const trimmed = a.weightSummary.reduce((p, s) => p + s.trimmed, 0);
    expect(trimmed).toBeGreaterThan(0);
    expect(a.weightSummary.reduce((p, s) => p + s.n, 0) + trimmed).toBe(400);
    expect(a.weights.filter((v) => Number.isNaN(v))).toHaveLength(trimmed);
    const untrimmed = iptwAnalysis({ ...d, groups: ['A', 'B', 'C'], binary: [false, true] });
    expect(Math.max(...a.weights.filter((v) => !Number.isNaN(v)))).toBeLessThan(Math.max(...untrimmed.weights));
  });

  it("uses Crump's 0.1 for two groups and 0.067 for three (Yoshida et al. 2019)", () => {
    expect(crumpThreshold(2)).toBe(0.1);
    expect(crumpThreshold(3)).toBe(0.067);
  });
});

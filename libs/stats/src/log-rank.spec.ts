import { logRankTest } from './log-rank';
import { placebo, sixMp } from './gehan.fixture';

// 6-MP vs placebo (Freireich 1963 / Gehan 1965). Kleinbaum & Klein (Survival Analysis: A
// Self-Learning Text, ch. 2) give O - E = -10.26 for 6-MP, Var = 6.2570 and log-rank
// chi-square 16.793; R survdiff on MASS::gehan prints E = 19.3 / 10.7, (O-E)^2/E 5.46 / 9.77,
// Chisq = 16.8 on 1 df, p = 4e-05.
describe('log-rank test', () => {
  const time = [...sixMp.time, ...placebo.time];
  const event = [...sixMp.event, ...placebo.event];
  const group = [...sixMp.time.map(() => '6-MP'), ...placebo.time.map(() => 'placebo')];
  const res = logRankTest(time, event, group);

  it('chi-square 16.793 on 1 df, p < 0.0001', () => {
    expect(res.chiSquare).toBeCloseTo(16.793, 3);
    expect(res.df).toBe(1);
    expect(res.pValue).toBeLessThan(0.0001);
    expect(res.pValue).toBeCloseTo(4e-5, 5);
  });

  it('observed and expected: 6-MP O = 9, E = 19.25; placebo O = 21, E = 10.75', () => {
    const [mp, pl] = res.groups;
    expect(mp.group).toBe('6-MP');
    expect(mp.observed).toBe(9);
    expect(mp.expected).toBeCloseTo(19.25, 2);
    expect(pl.observed).toBe(21);
    expect(pl.expected).toBeCloseTo(10.75, 2);
    expect(mp.oeOverE).toBeCloseTo(5.46, 2);
    expect(pl.oeOverE).toBeCloseTo(9.77, 2);
    expect(res.variance[0][0]).toBeCloseTo(6.257, 3);
  });

  it('does not depend on the order of the groups', () => {
    const rev = logRankTest([...time].reverse(), [...event].reverse(), [...group].reverse());
    expect(rev.groups[0].group).toBe('placebo');
    expect(rev.chiSquare).toBeCloseTo(res.chiSquare, 10);
  });

  it('k groups: k - 1 df, and the statistic does not depend on which group is left out of V', () => {
    // No small published 3-group example was available to inline, so this checks the
    // generalized-inverse property instead: any k - 1 of the k groups give the same
    // quadratic form. The 6-MP arm is split alternately into two pseudo-arms.
    const label = (g: string, i: number) => (g === '6-MP' ? (i % 2 ? 'MP-a' : 'MP-b') : g);
    const g3 = group.map(label);
    const forward = logRankTest(time, event, g3);
    const order = time.map((_, i) => i).sort((i, j) => (g3[i] === 'placebo' ? 0 : 1) - (g3[j] === 'placebo' ? 0 : 1));
    const reordered = logRankTest(
      order.map((i) => time[i]),
      order.map((i) => event[i]),
      order.map((i) => g3[i]),
    );
    expect(forward.df).toBe(2);
    expect(forward.groups.map((g) => g.group)).not.toEqual(reordered.groups.map((g) => g.group));
    expect(reordered.chiSquare).toBeCloseTo(forward.chiSquare, 10);
    expect(forward.groups.reduce((a, g) => a + g.observed - g.expected, 0)).toBeCloseTo(0, 10);
    // Merging the two pseudo-arms back can only lose information: the 2-df statistic is at least the 1-df one.
    expect(forward.chiSquare).toBeGreaterThanOrEqual(res.chiSquare - 1e-9);
  });

  it('needs two groups', () => {
    expect(() => logRankTest([1, 2], [1, 1], ['a', 'a'])).toThrow(RangeError);
  });
});

// Complete separation: every subject of one group fails before any of the next. Reference
// values: R 4.2.2, survival 3.5.3, s <- survdiff(Surv(t, e) ~ g); s$chisq and
// pchisq(s$chisq, df, lower.tail = FALSE) (print.survdiff rounds the latter to "<2e-16").
describe('log-rank p with a huge separation keeps its magnitude', () => {
  const seq = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

  it('two groups of 40 (times 1-40 vs 101-140): chi-square 96.1943, p = 1.04144e-22', () => {
    const time = [...seq(1, 40), ...seq(101, 40)];
    const res = logRankTest(
      time,
      time.map(() => 1),
      time.map((_, i) => (i < 40 ? 'A' : 'B')),
    );
    expect(res.chiSquare).toBeCloseTo(96.1943004867284, 8);
    expect(res.pValue).toBeGreaterThan(0);
    expect(res.pValue / 1.04144276668911e-22).toBeCloseTo(1, 6);
  });

  it('three groups of 30 (1-30, 101-130, 201-230): chi-square 166.857 on 2 df, p = 5.85339e-37', () => {
    const time = [...seq(1, 30), ...seq(101, 30), ...seq(201, 30)];
    const res = logRankTest(
      time,
      time.map(() => 1),
      time.map((_, i) => ['A', 'B', 'C'][Math.floor(i / 30)]),
    );
    expect(res.df).toBe(2);
    expect(res.chiSquare).toBeCloseTo(166.857254954753, 8);
    expect(res.pValue / 5.8533898994249e-37).toBeCloseTo(1, 6);
  });
});

describe('log-rank test from counted entries equals the one from the expanded subjects', () => {
  it('6-MP vs placebo grouped by (time, status, group)', () => {
    const time = [...sixMp.time, ...placebo.time];
    const event = [...sixMp.event, ...placebo.event];
    const group = [...sixMp.time.map(() => '6-MP'), ...placebo.time.map(() => 'placebo')];
    const m = new Map<string, { t: number; d: number; g: string; n: number }>();
    time.forEach((t, i) => {
      const key = `${t}|${event[i]}|${group[i]}`;
      const e = m.get(key) ?? { t, d: event[i], g: group[i], n: 0 };
      e.n++;
      m.set(key, e);
    });
    const e = [...m.values()];
    expect(e.length).toBeLessThan(time.length);
    const counted = logRankTest(
      e.map((x) => x.t),
      e.map((x) => x.d),
      e.map((x) => x.g),
      e.map((x) => x.n),
    );
    const expanded = logRankTest(time, event, group);
    expect(counted.chiSquare).toBeCloseTo(expanded.chiSquare, 12);
    expect(counted.groups.map((g) => [g.group, g.n, g.observed])).toEqual(expanded.groups.map((g) => [g.group, g.n, g.observed]));
    counted.groups.forEach((g, i) => expect(g.expected).toBeCloseTo(expanded.groups[i].expected, 12));
  });
});

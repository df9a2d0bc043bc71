import { grayTest } from './gray-test';
import { mgus2, mgus2Gray } from './mgus2.fixture';

// Reference values: R's cmprsk::cuminc(etime, event, sex) $Tests, with the score and its
// variance read from cmprsk's crstm routine and p from pchisq(stat, 1, lower.tail = FALSE);
// all from tools/reference/competing-risks.R (written into mgus2.fixture.ts).
function closeRel(actual: number, expected: number, rel = 1e-8): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
}

describe("Gray's test: mgus2, women against men", () => {
  it.each([1, 2] as const)('cause %i: statistic, p, score and variance as cuminc / crstm (1e-10 relative)', (cause) => {
    const ref = mgus2Gray[cause];
    const res = grayTest(mgus2.etime, mgus2.event, mgus2.sex, cause);
    expect(res.groups.map((g) => g.group)).toEqual(['F', 'M']); // first appearance: F, as R's sorted levels
    expect(res.df).toBe(1);
    closeRel(res.statistic, ref.statistic, 1e-10);
    closeRel(res.pValue, ref.p, 1e-10);
    closeRel(res.groups[0].score, ref.scoreF, 1e-10);
    closeRel(res.variance[0][0], ref.variance, 1e-10);
    // Scores and the rows of the variance sum to zero over the groups.
    expect(res.groups[0].score + res.groups[1].score).toBeCloseTo(0, 9);
    expect(res.variance[0][0] + res.variance[0][1]).toBeCloseTo(0, 8);
  });

  it('death differs by sex (statistic 11.65, p 0.00064), progression does not (1.19, p 0.27)', () => {
    expect(grayTest(mgus2.etime, mgus2.event, mgus2.sex, 2).pValue).toBeLessThan(0.001);
    expect(grayTest(mgus2.etime, mgus2.event, mgus2.sex, 1).pValue).toBeGreaterThan(0.2);
  });

  it('counts: 1384 patients, 59 and 56 progressions', () => {
    const res = grayTest(mgus2.etime, mgus2.event, mgus2.sex, 1);
    expect(res.groups.map((g) => [g.n, g.events])).toEqual([
      [631, 59],
      [753, 56],
    ]);
  });

  it('does not depend on which group comes first', () => {
    const rev = grayTest([...mgus2.etime].reverse(), [...mgus2.event].reverse(), [...mgus2.sex].reverse(), 2);
    expect(rev.groups[0].group).toBe('M');
    closeRel(rev.statistic, mgus2Gray[2].statistic);
    closeRel(rev.groups[0].score, -mgus2Gray[2].scoreF);
  });

  it('aggregated rows (time, cause, group, n) give the expanded data', () => {
    const agg = new Map<string, number>();
    mgus2.etime.forEach((t, i) => {
      const key = `${t} ${mgus2.event[i]} ${mgus2.sex[i]}`;
      agg.set(key, (agg.get(key) ?? 0) + 1);
    });
    const rows = [...agg.entries()].map(([k, n]) => [...k.split(' '), n] as [string, string, string, number]);
    const res = grayTest(
      rows.map((r) => Number(r[0])),
      rows.map((r) => Number(r[1])),
      rows.map((r) => r[2]),
      1,
      { count: rows.map((r) => r[3]) },
    );
    closeRel(res.statistic, mgus2Gray[1].statistic, 1e-12);
    closeRel(res.variance[0][0], mgus2Gray[1].variance, 1e-12);
  });
});

describe("Gray's test: small example with ties (R cuminc)", () => {
  // The 12 rows of cumulative-incidence.spec.ts split into groups A and B.
  const time = [1, 2, 2, 2, 3, 4, 4, 5, 6, 6, 6, 8];
  const cause = [1, 1, 2, 0, 2, 1, 1, 0, 2, 1, 0, 1];
  const group = ['A', 'B', 'A', 'B', 'A', 'A', 'B', 'B', 'A', 'B', 'A', 'B'];

  it('cause 1: 0.45385946219572759, p 0.50050783271895205; cause 2: 2.7694995264311535, p 0.096076196272574826', () => {
    const c1 = grayTest(time, cause, group, 1);
    closeRel(c1.statistic, 0.45385946219572759);
    closeRel(c1.pValue, 0.50050783271895205);
    const c2 = grayTest(time, cause, group, 2);
    closeRel(c2.statistic, 2.7694995264311535);
    closeRel(c2.pValue, 0.096076196272574826);
  });

  it('three groups as R: cause 1 3.4642019196029219 (p 0.17691233354677247), cause 2 1.6511226890057009 (p 0.43798906069365418) on 2 df', () => {
    const g3 = time.map((_, i) => ['x', 'y', 'z'][i % 3]);
    const c1 = grayTest(time, cause, g3, 1);
    closeRel(c1.statistic, 3.4642019196029219);
    closeRel(c1.pValue, 0.17691233354677247);
    const c2 = grayTest(time, cause, g3, 2);
    closeRel(c2.statistic, 1.6511226890057009);
    closeRel(c2.pValue, 0.43798906069365418);
  });

  it('three groups: 2 df, the same statistic whichever group is left out of V', () => {
    const g3 = time.map((_, i) => ['x', 'y', 'z'][i % 3]);
    const a = grayTest(time, cause, g3, 1);
    const order = [2, 5, 8, 11, 0, 3, 6, 9, 1, 4, 7, 10]; // z first, then x, then y
    const b = grayTest(
      order.map((i) => time[i]),
      order.map((i) => cause[i]),
      order.map((i) => g3[i]),
      1,
    );
    expect(a.df).toBe(2);
    expect(b.groups.map((g) => g.group)).toEqual(['z', 'x', 'y']);
    expect(b.statistic).toBeCloseTo(a.statistic, 10);
    expect(a.statistic).toBeGreaterThan(0);
  });

  it('a cause no one had gives a singular variance: NaN, not a made-up statistic', () => {
    const res = grayTest(time, cause, group, 3);
    expect(res.statistic).toBeNaN();
    expect(res.pValue).toBeNaN();
  });

  it.each([
    [[1, 2], [1, 0], ['A', 'A'], 1, /at least two distinct values/],
    [[1, 2], [1, 0], ['A'], 1, /group has 1 values but time has 2/],
    [[1, 2], [1, 0], ['A', 'B'], 0, /causeOfInterest must be a whole number >= 1 \(0 is censoring\), got 0/],
    [[1, 2], [1, 7.5], ['A', 'B'], 1, /cause\[1\] must be a whole number >= 0/],
  ])('refuses bad input with the field and the rule (%j, %j, %j, %j)', (t, c, g, k, message) => {
    expect(() => grayTest(t, c, g, k)).toThrow(message);
  });
});

import { placebo, sixMp } from './gehan.fixture';
import { kaplanMeier, medianSurvival, numberAtRisk, survivalAt } from './kaplan-meier';

// Data: gehan.fixture.ts. Reference values: Kleinbaum & Klein, Survival Analysis: A
// Self-Learning Text (3rd ed. 2012, ch. 2) and Collett, Modelling Survival Data in Medical
// Research (3rd ed. 2015, ch. 2), which print S(t) to 3 decimals; the R survfit output for
// MASS::gehan (Venables & Ripley, MASS 4th ed. 2002, section 13.1) for Greenwood SEs, the
// default log CIs and the median CI; and G. Rodriguez, Princeton WWS 509 notes "The Gehan
// Survival Data" (Stata sts list) for the log-log CIs.
describe('Kaplan-Meier, 6-MP group', () => {
  const km = kaplanMeier(sixMp.time, sixMp.event);
  const at = (t: number) => km.rows.find((r) => r.time === t)!;

  it.each([
    [6, 0.857],
    [7, 0.807],
    [10, 0.753],
    [13, 0.69],
    [16, 0.627],
    [22, 0.538],
    [23, 0.448],
  ])('S(%i) = %f (Kleinbaum & Klein; Collett)', (t, s) => {
    expect(at(t).survival).toBeCloseTo(s, 3);
  });

  it('Greenwood SEs as R summary(survfit): 0.0764 at 6, 0.0869 at 7, 0.1346 at 23', () => {
    expect(at(6).stdErr).toBeCloseTo(0.0764, 4);
    expect(at(7).stdErr).toBeCloseTo(0.0869, 4);
    expect(at(23).stdErr).toBeCloseTo(0.1346, 4);
  });

  it('default log-scale 95% CI as R survfit: 0.720-1.000 at 6, 0.510-0.935 at 13, 0.249-0.807 at 23', () => {
    expect(km.confType).toBe('log');
    expect(at(6).lower).toBeCloseTo(0.72, 3);
    expect(at(6).upper).toBe(1);
    expect(at(13).lower).toBeCloseTo(0.51, 3);
    expect(at(13).upper).toBeCloseTo(0.935, 3);
    expect(at(23).lower).toBeCloseTo(0.249, 3);
    expect(at(23).upper).toBeCloseTo(0.807, 3);
  });

  it('risk sets: 21 at 6, 17 at 7, 15 at 10, 12 at 13, 11 at 16, 7 at 22, 6 at 23', () => {
    expect([6, 7, 10, 13, 16, 22, 23].map((t) => at(t).nRisk)).toEqual([21, 17, 15, 12, 11, 7, 6]);
    expect(numberAtRisk(km, [0, 6, 6.5, 10, 35, 36])).toEqual([21, 21, 17, 15, 1, 0]);
  });

  it('median 23 weeks, 95% CI 16 to not reached (R print(survfit): 23, 16, NA)', () => {
    expect(km.median.median).toBe(23);
    expect(km.median.lower).toBe(16);
    expect(km.median.upper).toBeNaN();
  });

  it('survivalAt reads the step function between event times', () => {
    expect(survivalAt(km, 5.9)).toBe(1);
    expect(survivalAt(km, 9)).toBeCloseTo(0.807, 3);
    expect(survivalAt(km, 100)).toBeCloseTo(0.448, 3);
  });
});

describe('Kaplan-Meier, placebo group', () => {
  const km = kaplanMeier(placebo.time, placebo.event);
  const at = (t: number) => km.rows.find((r) => r.time === t)!;

  it('matches R survfit: S(8) = 0.3810 (SE 0.1060, CI 0.22085-0.65713), S(23) = 0 with no CI', () => {
    expect(at(8).survival).toBeCloseTo(0.381, 4);
    expect(at(8).stdErr).toBeCloseTo(0.106, 4);
    expect(at(8).lower).toBeCloseTo(0.22085, 5);
    expect(at(8).upper).toBeCloseTo(0.65713, 5);
    expect(at(23).survival).toBe(0);
    expect(at(23).lower).toBeNaN();
  });

  it('median 8 weeks, 95% CI 4 to 12 (R print(survfit); Kleinbaum & Klein median 8)', () => {
    expect(medianSurvival(km)).toEqual({ median: 8, lower: 4, upper: 12 });
  });

  it('log-log CI matches Stata sts list (Rodriguez): 0.6700-0.9753 at 1, 0.5689-0.9239 at 2', () => {
    const ll = kaplanMeier(placebo.time, placebo.event, { confType: 'log-log' });
    const row = (t: number) => ll.rows.find((r) => r.time === t)!;
    expect(row(1).lower).toBeCloseTo(0.67, 4);
    expect(row(1).upper).toBeCloseTo(0.9753, 4);
    expect(row(2).lower).toBeCloseTo(0.5689, 4);
    expect(row(2).upper).toBeCloseTo(0.9239, 4);
  });
});

describe('Kaplan-Meier edge cases', () => {
  it('plain CI is S +/- z SE clipped to [0, 1]', () => {
    const km = kaplanMeier(sixMp.time, sixMp.event, { confType: 'plain' });
    const r = km.rows.find((x) => x.time === 13)!;
    expect(r.lower).toBeCloseTo(r.survival - 1.959964 * r.stdErr, 6);
    expect(km.rows[0].upper).toBe(1);
  });

  it('takes the midpoint when the curve sits exactly at 0.5, as R does', () => {
    // S = 0.5 after time 2 and drops at time 4: median (2 + 4) / 2 = 3.
    const km = kaplanMeier([1, 2, 3, 4], [1, 1, 0, 1]);
    expect(km.median.median).toBe(3);
  });

  it('with no events the curve stays at 1 and the median is not reached', () => {
    const km = kaplanMeier([3, 5], [0, 0]);
    expect(km.rows.every((r) => r.survival === 1)).toBe(true);
    expect(km.median.median).toBeNaN();
  });

  it('narrower CI at a lower confidence level', () => {
    const a = kaplanMeier(sixMp.time, sixMp.event, { level: 0.9 }).rows.find((r) => r.time === 13)!;
    const b = kaplanMeier(sixMp.time, sixMp.event).rows.find((r) => r.time === 13)!;
    expect(a.upper - a.lower).toBeLessThan(b.upper - b.lower);
  });
});

// AML maintenance trial (Miller, Survival Analysis, 1981; the `aml` data of R's survival
// package). Reference values: R 4.2.2, survival 3.5.3, quantile(survfit(Surv(time, status) ~ x,
// data = aml, conf.type = ...), 0.5), where NA is a limit the confidence curve never reaches.
describe('Kaplan-Meier median limits not reached are NaN, as R reports NA (AML)', () => {
  const maintained = { time: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], event: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0] };
  const nonmaintained = { time: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45], event: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1] };

  it.each([
    // conf.type, group, median, lower, upper (NaN = R's NA)
    ['log', 'maintained', 31, 18, NaN],
    ['log', 'nonmaintained', 23, 8, NaN],
    ['log-log', 'maintained', 31, 13, NaN],
    ['log-log', 'nonmaintained', 23, 5, 33],
    ['plain', 'maintained', 31, 18, 48],
    ['plain', 'nonmaintained', 23, 8, 33],
  ] as const)('conf.type %s, %s: median %d, CI %d to %d', (confType, group, median, lower, upper) => {
    const data = group === 'maintained' ? maintained : nonmaintained;
    const km = kaplanMeier(data.time, data.event, { confType });
    expect(km.median.median).toBe(median);
    expect(km.median.lower).toBe(lower);
    if (Number.isNaN(upper)) expect(km.median.upper).toBeNaN();
    else expect(km.median.upper).toBe(upper);
  });

  it('the last event taking S to 0 is not an upper limit (nonmaintained, log: R NA, not 45)', () => {
    const km = kaplanMeier(nonmaintained.time, nonmaintained.event);
    const last = km.rows[km.rows.length - 1];
    expect([last.time, last.survival]).toEqual([45, 0]);
    expect(last.upper).toBeNaN();
    expect(km.median.upper).toBeNaN();
  });

  it('Gehan 6-MP with log-log and plain CIs: median 23, CI 13 to NA (R)', () => {
    for (const confType of ['log-log', 'plain'] as const) {
      const m = kaplanMeier(sixMp.time, sixMp.event, { confType }).median;
      expect([m.median, m.lower]).toEqual([23, 13]);
      expect(m.upper).toBeNaN();
    }
  });

  it('placebo with log-log and plain CIs: median 8, CI 4 to 11 (R)', () => {
    for (const confType of ['log-log', 'plain'] as const) {
      expect(kaplanMeier(placebo.time, placebo.event, { confType }).median).toEqual({ median: 8, lower: 4, upper: 11 });
    }
  });

  it('every subject failing at once with S going from 1 to 0: median 2, both limits NA (R)', () => {
    const m = kaplanMeier([1, 2, 2], [0, 1, 1]).median;
    expect(m.median).toBe(2);
    expect(m.lower).toBeNaN();
    expect(m.upper).toBeNaN();
  });
});

// Counted entries: what a GROUP BY (time, status) gives. Grouping must not change the estimate.
describe('Kaplan-Meier from counted entries equals the one from the expanded subjects', () => {
  const grouped = (time: number[], event: number[]) => {
    const m = new Map<string, number>();
    for (let i = 0; i < time.length; i++) m.set(`${time[i]}|${event[i]}`, (m.get(`${time[i]}|${event[i]}`) ?? 0) + 1);
    // Shuffled order and an entry of count 0 beside them: neither may matter.
    const entries = [...m].map(([key, n]) => ({ t: Number(key.split('|')[0]), d: Number(key.split('|')[1]), n })).reverse();
    entries.push({ t: 99, d: 1, n: 0 });
    return entries;
  };

  it.each([
    ['6-MP', sixMp],
    ['placebo', placebo],
  ])('%s', (_name, data) => {
    const e = grouped(data.time, data.event);
    const counted = kaplanMeier(
      e.map((x) => x.t),
      e.map((x) => x.d),
      { counts: e.map((x) => x.n) },
    );
    const expanded = kaplanMeier(data.time, data.event);
    expect(e.length).toBeLessThan(data.time.length + 1);
    expect(counted).toEqual(expanded);
  });

  it('refuses counts that are not whole numbers, or of another length', () => {
    expect(() => kaplanMeier([1, 2], [1, 0], { counts: [1, 0.5] })).toThrow('whole numbers');
    expect(() => kaplanMeier([1, 2], [1, 0], { counts: [1] })).toThrow('differ in length');
  });
});

import { cifInterval, cumulativeIncidence, cumulativeIncidenceAt, type CumulativeIncidence } from './cumulative-incidence';
import { zForLevel } from './distributions';
import { mgus2, mgus2Cuminc, mgus2Survfit } from './mgus2.fixture';

// Reference values: R's cmprsk::cuminc (Gray), printed and written into mgus2.fixture.ts by
// tools/reference/competing-risks.R. The estimator is a handful of sums and products over the
// same counts as cuminc's, so agreement is to rounding: 1e-12 relative is asked (1e-10 was
// the requirement), and the few exact zeros are compared exactly.
function closeRel(actual: number, expected: number, rel = 1e-12): void {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
}

function bySex(sex: 'F' | 'M') {
  const idx = mgus2.sex.map((s, i) => (s === sex ? i : -1)).filter((i) => i >= 0);
  return { time: idx.map((i) => mgus2.etime[i]), cause: idx.map((i) => mgus2.event[i]) };
}

describe('cumulative incidence: small example checked by hand and against R', () => {
  // 12 rows (time, cause): (1,1) (2,1) (2,2) (2,0) (3,2) (4,1) (4,1) (5,0) (6,2) (6,1) (6,0) (8,1).
  // At t = 2 an event of each cause and a censoring tie; at t = 6 again, with a censoring.
  // By hand, S(t-) the all-cause Kaplan-Meier before t and n at risk:
  //   t=1: n=12, S-=1:      F1 = 1/12
  //   t=2: n=11, S-=11/12:  F1 = 1/12 + (11/12)(1/11) = 2/12, F2 = 1/12; S = 9/12
  //   t=3: n=8 (the censored one at 2 was at risk at 2, gone by 3): F2 = 1/12 + (3/4)/8 = 0.17708
  //   t=4: n=7, two of cause 1: F1 = 2/12 + (21/32)(2/7) = 0.35417
  //   t=6: n=4, S- = 15/32: F1 = 0.35417 + 15/128 = 0.47135, F2 = 0.17708 + 15/128 = 0.29427
  //   t=8: n=1, S- = 15/64: F1 = 0.47135 + 15/64 = 0.70573, and S falls to 0.
  // Var F1(2) = (1/144) [(1 + (1/12 - 2/12) / (11/12))^2 + 1] = (100/121 + 1) / 144 = 0.0126837.
  // R (cuminc, tools/reference/competing-risks.R) gives the same to the last digit:
  const time = [1, 2, 2, 2, 3, 4, 4, 5, 6, 6, 6, 8];
  const cause = [1, 1, 2, 0, 2, 1, 1, 0, 2, 1, 0, 1];
  const r1: [number, number, number][] = [
    [1, 0.083333333333333329, 0.0069444444444444423],
    [2, 0.16666666666666666, 0.012683654729109274],
    [4, 0.35416666666666663, 0.023153302944800516],
    [6, 0.47135416666666663, 0.029771169670089082],
    [8, 0.70572916666666663, 0.080362944291008431],
  ];
  const r2: [number, number, number][] = [
    [2, 0.083333333333333329, 0.0070018365472910935],
    [3, 0.17708333333333331, 0.01447357093663912],
    [6, 0.29427083333333331, 0.025431303666008404],
  ];
  const ci = cumulativeIncidence(time, cause);

  it('estimates and variances equal cuminc at every jump of both causes', () => {
    expect(ci.causes).toEqual([1, 2]);
    for (const [c, ref] of [
      [1, r1],
      [2, r2],
    ] as const) {
      const curve = ci.curves.find((x) => x.cause === c)!;
      const jumps = curve.rows.filter((r) => r.nEvent > 0);
      expect(jumps.map((r) => r.time)).toEqual(ref.map((r) => r[0]));
      jumps.forEach((r, i) => {
        closeRel(r.estimate, ref[i][1]);
        closeRel(r.variance, ref[i][2]);
      });
    }
    expect(ci.curves[0].rows[1].variance).toBeCloseTo((100 / 121 + 1) / 144, 15);
  });

  it('rows at every event time of any cause, with the counts of the tied rows', () => {
    const c1 = ci.curves[0];
    expect(c1.rows.map((r) => r.time)).toEqual([1, 2, 3, 4, 6, 8]);
    expect(c1.rows[1]).toMatchObject({ time: 2, nRisk: 11, nEvent: 1, nCompeting: 1, nCensor: 1 });
    expect(c1.rows[2]).toMatchObject({ time: 3, nRisk: 8, nEvent: 0, nCompeting: 1, nCensor: 0 });
    expect(c1.rows[4]).toMatchObject({ time: 6, nRisk: 4, nEvent: 1, nCompeting: 1, nCensor: 1 });
    // Between its own jumps a curve holds its value and its variance (cuminc's step function).
    expect(c1.rows[2].estimate).toBe(c1.rows[1].estimate);
    expect(c1.rows[2].variance).toBe(c1.rows[1].variance);
    expect(ci.eventFree).toEqual([11 / 12, 9 / 12, (9 / 12) * (7 / 8), (21 / 32) * (5 / 7), (15 / 32) * (2 / 4), 0]);
    expect(c1.events).toBe(6);
    expect(ci.curves[1].events).toBe(3);
    expect(ci.maxTime).toBe(8);
  });

  it('the curves and event-free survival add up to 1 (survfit gives the same estimates)', () => {
    // survfit(Surv(st, factor(sc)) ~ 1) pstate at 1, 2, 3, 4, 6, 8 (5 is a censoring only).
    const sf1 = [0.083333333333333329, 0.16666666666666666, 0.16666666666666666, 0.35416666666666663, 0.47135416666666663, 0.70572916666666663];
    const sf2 = [0, 0.083333333333333329, 0.17708333333333331, 0.17708333333333331, 0.29427083333333331, 0.29427083333333331];
    ci.curves[0].rows.forEach((r, i) => {
      closeRel(r.estimate, sf1[i]);
      closeRel(ci.curves[1].rows[i].estimate, sf2[i]);
      expect(r.estimate + ci.curves[1].rows[i].estimate + ci.eventFree[i]).toBeCloseTo(1, 14);
    });
  });

  it('does not depend on the order of the rows', () => {
    const perm = time.map((_, i) => (i * 5) % 12);
    const shuffled = cumulativeIncidence(
      perm.map((i) => time[i]),
      perm.map((i) => cause[i]),
    );
    expect(shuffled).toEqual(ci);
  });

  it('cumulativeIncidenceAt reads the step function: 0 before, held between, NaN after follow-up', () => {
    expect(cumulativeIncidenceAt(ci, 1, 0.5)).toEqual({ estimate: 0, variance: 0, stdErr: 0, lower: 0, upper: 0 });
    expect(cumulativeIncidenceAt(ci, 1, 2).estimate).toBeCloseTo(2 / 12, 15);
    expect(cumulativeIncidenceAt(ci, 1, 3.9).estimate).toBeCloseTo(2 / 12, 15);
    expect(cumulativeIncidenceAt(ci, 2, 7.99).estimate).toBeCloseTo(0.29427083333333331, 15);
    expect(cumulativeIncidenceAt(ci, 1, 8).estimate).toBeCloseTo(0.70572916666666663, 15);
    expect(cumulativeIncidenceAt(ci, 1, 8.01).estimate).toBeNaN();
    // A cause with no event: incidence 0 within follow-up, not an error.
    expect(cumulativeIncidenceAt(ci, 3, 5).estimate).toBe(0);
    expect(cumulativeIncidenceAt(ci, 3, 9).estimate).toBeNaN();
  });
});

describe('cumulative incidence: mgus2 against R cmprsk::cuminc', () => {
  const fits: Record<'F' | 'M', CumulativeIncidence> = {
    F: cumulativeIncidence(bySex('F').time, bySex('F').cause),
    M: cumulativeIncidence(bySex('M').time, bySex('M').cause),
  };

  it.each(['F 1', 'F 2', 'M 1', 'M 2'])('%s: estimate and variance at every jump to 1e-12 relative', (key) => {
    const [sex, c] = key.split(' ') as ['F' | 'M', string];
    const ref = mgus2Cuminc[key];
    const jumps = fits[sex].curves.find((x) => x.cause === Number(c))!.rows.filter((r) => r.nEvent > 0);
    expect(ref.length).toBeGreaterThan(20);
    expect(jumps.map((r) => r.time)).toEqual(ref.map((r) => r[0]));
    jumps.forEach((r, i) => {
      closeRel(r.estimate, ref[i][1]);
      closeRel(r.variance, ref[i][2]);
    });
  });

  it('at 1, 2, 5, 10, 20 and 30 years as timepoints(cuminc) prints them', () => {
    // From the script's output (timepoints at 12, 24, 60, 120, 240, 360 months).
    const f1 = [0.012701882039773463, 0.023833237191638639, 0.039789621504405334, 0.073885664375926224, 0.10494067418613699, 0.15739038693443277];
    const f1var = [1.9942864731922176e-5, 3.702489484514639e-5, 6.0915107375335242e-5, 0.00011623978170247813, 0.00020498393238449903, 0.0012207233391149167];
    const m2 = [0.14608233731739703, 0.19123505976095609, 0.36762698560886298, 0.5751784888794913, 0.74812788926573526, 0.79943640697963092];
    const m2var = [
      0.00016589294619996788, 0.00020568801448538586, 0.00031049419452501526, 0.00035945164283862196, 0.00043270063494606908, 0.00059046555618173791,
    ];
    [12, 24, 60, 120, 240, 360].forEach((t, i) => {
      closeRel(cumulativeIncidenceAt(fits.F, 1, t).estimate, f1[i]);
      closeRel(cumulativeIncidenceAt(fits.F, 1, t).variance, f1var[i]);
      closeRel(cumulativeIncidenceAt(fits.M, 2, t).estimate, m2[i]);
      closeRel(cumulativeIncidenceAt(fits.M, 2, t).variance, m2var[i]);
    });
  });

  it("beyond a group's follow-up NaN (cuminc NA); the last death takes men's event-free survival to 0", () => {
    expect(fits.F.maxTime).toBe(394);
    expect(cumulativeIncidenceAt(fits.F, 1, 400).estimate).toBeNaN();
    // Men: the last row (424 months) is a death of the only man still at risk. cuminc's
    // variance there leaves out the terms divided by S(t) = 0: 0.0094937992250586495.
    const death = cumulativeIncidenceAt(fits.M, 2, 424);
    closeRel(death.estimate, 0.89553977002334795);
    closeRel(death.variance, 0.0094937992250586495);
    closeRel(cumulativeIncidenceAt(fits.M, 1, 424).variance, 0.00025794283674618812);
    expect(fits.M.eventFree[fits.M.eventFree.length - 1]).toBe(0);
    expect(cumulativeIncidenceAt(fits.M, 1, 424).estimate + death.estimate).toBeCloseTo(1, 14);
  });

  it("survfit's Aalen-Johansen estimate (the cross-check) equals ours to 1e-12", () => {
    for (const sex of ['F', 'M'] as const) {
      mgus2Survfit.times.forEach((t, i) => {
        closeRel(cumulativeIncidenceAt(fits[sex], 1, t).estimate, mgus2Survfit[sex][i][0]);
        closeRel(cumulativeIncidenceAt(fits[sex], 2, t).estimate, mgus2Survfit[sex][i][1]);
      });
    }
  });

  it('aggregated rows (time, cause, n) give exactly the expanded data', () => {
    const { time, cause } = bySex('M');
    const agg = new Map<string, number>();
    for (let i = 0; i < time.length; i++) agg.set(`${time[i]} ${cause[i]}`, (agg.get(`${time[i]} ${cause[i]}`) ?? 0) + 1);
    const keys = [...agg.keys()];
    expect(keys.length).toBeLessThan(time.length / 2); // many ties, so the aggregation is real
    const aggregated = cumulativeIncidence(
      keys.map((k) => Number(k.split(' ')[0])),
      keys.map((k) => Number(k.split(' ')[1])),
      { count: keys.map((k) => agg.get(k)!) },
    );
    expect(aggregated).toEqual(fits.M);
  });

  it('the 95% interval is the log(-log) one: F^exp(+-1.96 se / (F |log F|)), inside (0, 1)', () => {
    const p = cumulativeIncidenceAt(fits.F, 1, 12);
    const k = (zForLevel(0.95) * Math.sqrt(p.variance)) / (p.estimate * Math.abs(Math.log(p.estimate)));
    expect(p.lower).toBeCloseTo(p.estimate ** Math.exp(k), 15);
    expect(p.upper).toBeCloseTo(p.estimate ** Math.exp(-k), 15);
    // F = 0.0127 with se 0.00447: the plain interval would be 0.0039 to 0.0215, this one is
    // asymmetric and positive.
    expect(p.lower).toBeGreaterThan(0);
    expect(p.lower).toBeLessThan(p.estimate);
    expect(p.upper - p.estimate).toBeGreaterThan(p.estimate - p.lower);
    const wide = cumulativeIncidence(bySex('F').time, bySex('F').cause, { level: 0.99 });
    const w = cumulativeIncidenceAt(wide, 1, 12);
    expect(w.lower).toBeLessThan(p.lower);
    expect(w.upper).toBeGreaterThan(p.upper);
  });
});

describe('cumulative incidence: interval edges and refusals', () => {
  it('interval edges: [0, 0] before any event, NaN at F = 1, degenerate with zero variance', () => {
    const z = zForLevel(0.95);
    expect(cifInterval(0, 0, z)).toEqual({ lower: 0, upper: 0 });
    expect(cifInterval(1, 0.01, z).lower).toBeNaN();
    expect(cifInterval(0.3, 0, z)).toEqual({ lower: 0.3, upper: 0.3 });
  });

  it('everyone fails of one cause: F reaches 1, no interval there', () => {
    const ci = cumulativeIncidence([1, 2, 3], [1, 1, 1]);
    expect(ci.curves[0].rows.map((r) => r.estimate)).toEqual([1 / 3, 2 / 3, 1]);
    expect(ci.curves[0].rows[2].lower).toBeNaN();
  });

  it('no rows: no curves', () => {
    const ci = cumulativeIncidence([], []);
    expect(ci.curves).toEqual([]);
    expect(cumulativeIncidenceAt(ci, 1, 0).estimate).toBeNaN();
  });

  it.each([
    [[1, 2], [1], {}, /cause has 1 values but time has 2/],
    [[1, -2], [1, 0], {}, /time\[1\] must be a finite number >= 0, got -2/],
    [[1, NaN], [1, 0], {}, /time\[1\] must be a finite number >= 0, got NaN/],
    [[1, 2], [1, 1.5], {}, /cause\[1\] must be a whole number >= 0 \(0 = censored\), got 1.5/],
    [[1, 2], [1, -1], {}, /cause\[1\] must be a whole number >= 0/],
    [[1, 2], [1, 0], { count: [1] }, /count has 1 values but time has 2/],
    [[1, 2], [1, 0], { count: [1, 0] }, /count\[1\] must be a whole number >= 1, got 0/],
    [[1, 2], [1, 0], { count: [2.5, 1] }, /count\[0\] must be a whole number >= 1, got 2.5/],
    [[1, 2], [1, 0], { level: 1 }, /confidence level must be in \(0, 1\)/],
  ])('refuses bad input with the field and the rule (%j, %j, %j)', (time, cause, options, message) => {
    expect(() => cumulativeIncidence(time, cause, options)).toThrow(message);
  });
});

import { ADMIN, describeEachDatabase, followUpEnds, RESEARCHER } from '@vfr/api-testing';
import { COMPLICATION_RATE_KINDS } from '@vfr/domain';
import { kaplanMeier, logRankTest, meanCI, quantile, wilsonInterval } from '@vfr/stats';

// Each figure is recomputed here from the raw rows, in JS, and compared with what the API
// aggregated in SQL.
describeEachDatabase('outcome analytics', (t) => {
  let visits: {
    group: string;
    patient: string;
    tp: string;
    nrs: number | null;
    odi: number | null;
    baseNrs: number | null;
    baseOdi: number | null;
    day: number;
  }[];
  let patients: { id: string; group: string; index: string; treatment: string }[];

  beforeAll(async () => {
    patients = await t().db.dataSource.query(`
      SELECT p.id, idx.kind AS group, idx.start_date AS index, idx.id AS treatment FROM patient p
      JOIN LATERAL (SELECT t.id, t.kind::text, t.start_date FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.created_at LIMIT 1) idx ON true
      WHERE p.withdrawn_at IS NULL`);
    const rows = await t().db.dataSource.query(
      `SELECT treatment_id, time_point, nrs_activity, nrs_rest, odi, visit_date FROM assessment WHERE status = 'DONE' AND withdrawn_at IS NULL AND time_point <> 'UNSCHEDULED'`,
    );
    const byTreatment = new Map(patients.map((p) => [p.treatment, p]));
    visits = rows.flatMap((r: any) => {
      const p = byTreatment.get(r.treatment_id);
      if (!p) return [];
      const base = rows.find((b: any) => b.treatment_id === r.treatment_id && b.time_point === 'BASELINE');
      const nrs = (x: any) => (x ? (x.nrs_activity ?? x.nrs_rest) : null);
      return [
        {
          group: p.group,
          patient: p.id,
          tp: r.time_point,
          nrs: nrs(r),
          odi: r.odi,
          baseNrs: nrs(base),
          baseOdi: base?.odi ?? null,
          day: Math.round((Date.parse(r.visit_date) - Date.parse(p.index)) / 86400000),
        },
      ];
    });
  }, 60000);

  it('gives n, mean with its t interval, median and IQR per group and time point, and the change from baseline', async () => {
    const r = await t().gql(
      `{ outcomeTrajectory(measure: NRS) { group timePoint n mean lower upper median q1 q3 nChange meanChange changeLower changeUpper suppressed } }`,
      {},
      await t().login(ADMIN),
    );
    expect(r.errors).toBeUndefined();
    const points = r.data!.outcomeTrajectory;
    expect(points.length).toBeGreaterThan(6);
    for (const p of points) {
      const values = visits.filter((v) => v.group === p.group && v.tp === p.timePoint && v.nrs !== null).map((v) => v.nrs!);
      expect(p.n).toBe(values.length);
      if (values.length >= 2) {
        const ci = meanCI(values);
        expect(p.mean).toBeCloseTo(ci.mean, 9);
        expect(p.lower).toBeCloseTo(ci.lower, 9);
        expect(p.upper).toBeCloseTo(ci.upper, 9);
      }
      expect(p.median).toBeCloseTo(quantile(values, 0.5), 9);
      expect(p.q1).toBeCloseTo(quantile(values, 0.25), 9);
      expect(p.q3).toBeCloseTo(quantile(values, 0.75), 9);
      if (p.timePoint !== 'BASELINE') {
        const changes = visits
          .filter((v) => v.group === p.group && v.tp === p.timePoint && v.nrs !== null && v.baseNrs !== null)
          .map((v) => v.nrs! - v.baseNrs!);
        expect(p.nChange).toBe(changes.length);
        if (changes.length >= 2) expect(p.meanChange).toBeCloseTo(meanCI(changes).mean, 9);
      }
    }
  });

  it('gives responder rates with Wilson intervals for each definition', async () => {
    const token = await t().login(ADMIN);
    const defs: [string, (v: (typeof visits)[number]) => boolean | null][] = [
      ['NRS_DROP_2', (v) => (v.nrs === null || v.baseNrs === null ? null : v.baseNrs - v.nrs >= 2)],
      ['NRS_DROP_30_PERCENT', (v) => (v.nrs === null || v.baseNrs === null ? null : v.baseNrs > 0 && v.baseNrs - v.nrs >= 0.3 * v.baseNrs)],
      ['NRS_BELOW_4', (v) => (v.nrs === null || v.baseNrs === null ? null : v.nrs < 4)],
      ['ODI_DROP_10', (v) => (v.odi === null || v.baseOdi === null ? null : v.baseOdi - v.odi >= 10)],
    ];
    for (const [definition, responds] of defs) {
      const r = await t().gql(
        `query($d: ResponderDefinition) { responderRates(definition: $d) { group category events n rate lower upper } }`,
        { d: definition },
        token,
      );
      expect(r.errors).toBeUndefined();
      for (const p of r.data!.responderRates) {
        const judged = visits
          .filter((v) => v.group === p.group && v.tp === p.category)
          .map(responds)
          .filter((x) => x !== null);
        const x = judged.filter(Boolean).length;
        expect({ definition, n: p.n, events: p.events }).toEqual({ definition, n: judged.length, events: x });
        const ci = wilsonInterval(x, judged.length);
        expect(p.lower).toBeCloseTo(ci.lower, 12);
        expect(p.upper).toBeCloseTo(ci.upper, 12);
      }
    }
  });

  it('gives complication rates per kind and for any complication', async () => {
    const r = await t().gql(`{ complicationRates { group category events n rate } }`, {}, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    // Within follow-up only: from day 0 to its end (docs/methods.md), recomputed from the raw rows.
    const comps = await t().db.dataSource.query(
      `SELECT patient_id, kind, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on FROM complication WHERE withdrawn_at IS NULL AND kind <> 'DEATH'`,
    );
    const ends = await followUpEnds(t().db.dataSource);
    // Each kind here; the splits and the crossover row in complication-rates.spec.ts.
    for (const p of r.data!.complicationRates.filter((x: any) => x.category === 'ANY' || COMPLICATION_RATE_KINDS.includes(x.category))) {
      const group = patients.filter((x) => x.group === p.group);
      const within = (c: any) => c.occurred_on >= ends.get(c.patient_id)!.index && c.occurred_on <= ends.get(c.patient_id)!.end;
      const hit = group.filter((x) => comps.some((c: any) => c.patient_id === x.id && within(c) && (p.category === 'ANY' || c.kind === p.category)));
      expect({ cat: p.category, n: p.n, events: p.events }).toEqual({ cat: p.category, n: group.length, events: hit.length });
    }
    expect(r.data!.complicationRates.some((p: any) => p.category === 'ANY')).toBe(true);
  });

  it('draws Kaplan-Meier curves to pain relief with the log-rank test', async () => {
    const r = await t().gql(
      `{ survival(endpoint: PAIN_RELIEF) { logRankChiSquare logRankDf logRankP curves { group n events medianDays steps { day atRisk survival lower upper } } } }`,
      {},
      await t().login(ADMIN),
    );
    expect(r.errors).toBeUndefined();
    const s = r.data!.survival;
    // Each patient's own time and status, computed here from the visits (the API counts them per day in SQL).
    const all: { t: number; d: number; g: string }[] = [];
    for (const curve of s.curves) {
      const mine = patients.filter((p) => p.group === curve.group);
      const obs = mine.flatMap((p) => {
        const vs = visits.filter((v) => v.patient === p.id);
        // Only patients in pain at baseline (NRS above 3) are in the pain-relief analysis.
        if (!(vs.length && vs[0].baseNrs !== null && vs[0].baseNrs > 3)) return [];
        const relief = vs
          .filter((v) => v.tp !== 'BASELINE' && v.nrs !== null && v.nrs <= 3)
          .map((v) => v.day)
          .sort((a, b) => a - b)[0];
        const last = Math.max(...vs.map((v) => v.day));
        return relief !== undefined ? [{ t: relief, d: 1 }] : last > 0 ? [{ t: last, d: 0 }] : [];
      });
      const km = kaplanMeier(
        obs.map((o) => o.t),
        obs.map((o) => o.d),
      );
      expect(curve.n).toBe(km.n);
      expect(curve.events).toBe(km.events);
      expect(curve.steps.map((x: any) => x.survival)).toEqual(km.rows.map((x) => x.survival));
      expect(curve.steps.map((x: any) => [x.day, x.atRisk, x.lower, x.upper])).toEqual(
        km.rows.map((x) => [x.time, x.nRisk, Number.isFinite(x.lower) ? x.lower : null, Number.isFinite(x.upper) ? x.upper : null]),
      );
      all.push(...obs.map((o) => ({ ...o, g: curve.group })));
    }
    const test = logRankTest(
      all.map((o) => o.t),
      all.map((o) => o.d),
      all.map((o) => o.g),
    );
    expect(s.logRankChiSquare).toBeCloseTo(test.chiSquare, 9);
    expect(s.logRankDf).toBe(s.curves.length - 1);
    expect(s.logRankP).toBeGreaterThanOrEqual(0);
    expect(s.logRankP).toBeLessThanOrEqual(1);
  });

  it('leaves patients without pain at baseline (NRS <= 3) out of the pain-relief analysis', async () => {
    const q = (sql: string, params: unknown[] = []) => t().db.dataSource.query(sql, params);
    const token = await t().login(ADMIN);
    const totals = async () => {
      const r = await t().gql(`{ survival(endpoint: PAIN_RELIEF) { curves { n events } } }`, {}, token);
      expect(r.errors).toBeUndefined();
      return r.data!.survival.curves.reduce((a: { n: number; events: number }, c: any) => ({ n: a.n + c.n, events: a.events + c.events }), { n: 0, events: 0 });
    };
    // A patient of the analysis with completed baseline and M1 visits; M1 becomes NRS 1.
    const [v] = await q(`
      SELECT b.id AS base, m.id AS m1, b.nrs_activity AS b_act, b.nrs_rest AS b_rest, m.nrs_activity AS m_act, m.nrs_rest AS m_rest
      FROM analysis_patient x
      JOIN assessment b ON b.treatment_id = x.index_treatment_id AND b.time_point = 'BASELINE' AND b.status = 'DONE' AND b.withdrawn_at IS NULL
      JOIN assessment m ON m.treatment_id = x.index_treatment_id AND m.time_point = 'M1' AND m.status = 'DONE' AND m.withdrawn_at IS NULL
      ORDER BY x.patient_id LIMIT 1`);
    const setNrs = (id: string, nrs: number | null) => q(`UPDATE assessment SET nrs_activity = $2, nrs_rest = $2 WHERE id = $1`, [id, nrs]);
    try {
      await setNrs(v.m1, 1);
      await setNrs(v.base, 2);
      const withBaseline2 = await totals();
      await setNrs(v.base, null);
      expect(await totals()).toEqual(withBaseline2);
      await setNrs(v.base, 3);
      expect(await totals()).toEqual(withBaseline2);
      await setNrs(v.base, 8);
      // With baseline 8 the same patient is in the analysis, and NRS 1 at M1 (or earlier) is relief.
      expect(await totals()).toEqual({ n: withBaseline2.n + 1, events: withBaseline2.events + 1 });
    } finally {
      await q(`UPDATE assessment SET nrs_activity = $2, nrs_rest = $3 WHERE id = $1`, [v.base, v.b_act, v.b_rest]);
      await q(`UPDATE assessment SET nrs_activity = $2, nrs_rest = $3 WHERE id = $1`, [v.m1, v.m_act, v.m_rest]);
    }
  });

  it('marks small cells suppressed for researchers', async () => {
    const r = await t().gql(
      `{ outcomeTrajectory(measure: ODI, filter: { ageMin: 85 }) { group timePoint n mean suppressed } }`,
      {},
      await t().login(RESEARCHER),
    );
    expect(r.errors).toBeUndefined();
    for (const p of r.data!.outcomeTrajectory) {
      if (p.suppressed) expect([p.n, p.mean]).toEqual([null, null]);
      else expect(p.n).toBeGreaterThanOrEqual(11);
    }
  });
});

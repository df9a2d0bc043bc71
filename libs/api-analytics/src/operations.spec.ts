import { ADMIN, describeEachDatabase, followUpEnds, HEAD_NORTH } from '@vfr/api-testing';
import { quantile, wilsonInterval } from '@vfr/stats';

describeEachDatabase('operations and the funnel plot', (t) => {
  let treatments: {
    id: string;
    patient_id: string;
    kind: string;
    start_date: string;
    same_day_discharge: boolean | null;
    length_of_stay_days: number | null;
    site: string;
  }[];

  beforeAll(async () => {
    treatments = await t().db.dataSource.query(`
      SELECT t.id, t.patient_id, t.kind, t.start_date, t.same_day_discharge, t.length_of_stay_days, s.code AS site
      FROM treatment t JOIN patient p ON p.id = t.patient_id JOIN site s ON s.id = p.site_id WHERE t.withdrawn_at IS NULL AND p.withdrawn_at IS NULL`);
  });

  it('counts treatments per month and kind, and per year for a department head when months would be suppressed', async () => {
    const Q = `query($p: VolumePeriod) { treatmentVolumes(period: $p) { period bins { period kind count suppressed } } }`;
    const count = (key: (x: (typeof treatments)[number]) => string) => {
      const m = new Map<string, number>();
      for (const x of treatments) m.set(`${key(x)}|${x.kind}`, (m.get(`${key(x)}|${x.kind}`) ?? 0) + 1);
      return m;
    };
    const admin = await t().gql(Q, {}, await t().login(ADMIN));
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.treatmentVolumes.period).toBe('MONTH');
    expect(new Map(admin.data!.treatmentVolumes.bins.map((v: any) => [`${v.period}|${v.kind}`, v.count]))).toEqual(count((x) => x.start_date.slice(0, 7)));

    // A few hundred patients over three years: a month of one kind rarely reaches 11 patients.
    const head = await t().gql(Q, {}, await t().login(HEAD_NORTH));
    expect(head.errors).toBeUndefined();
    const v = head.data!.treatmentVolumes;
    expect(v.period).not.toBe('MONTH');
    expect(v.bins.filter((b: any) => b.suppressed).length).toBeLessThanOrEqual(Math.max(0.25 * v.bins.length, v.period === 'YEAR' ? v.bins.length : 0));
    const quarter = (d: string) => `${d.slice(0, 4)}-Q${Math.ceil(Number(d.slice(5, 7)) / 3)}`;
    const expected = count((x) => (v.period === 'YEAR' ? x.start_date.slice(0, 4) : quarter(x.start_date)));
    // A department head's counts are perturbed by at most 3 (docs/privacy.md), then withheld under
    // 11: a true count under 8 is always withheld, one of 14 or more always shown, and in between
    // it depends on the cell's noise. No shown count is under 11.
    for (const b of v.bins) {
      const n = expected.get(`${b.period}|${b.kind}`)!;
      if (b.suppressed) {
        expect(b.count).toBeNull();
        expect(n).toBeLessThan(14);
      } else {
        expect(b.count).toBeGreaterThanOrEqual(11);
        expect(Math.abs(b.count - n)).toBeLessThanOrEqual(3);
      }
      if (n < 8) expect(b.suppressed).toBe(true);
    }
    expect(v.bins).toHaveLength(expected.size);
    const months = await t().gql(Q, { p: 'MONTH' }, await t().login(HEAD_NORTH));
    expect(months.data!.treatmentVolumes.period).toBe('MONTH');
  });

  it('gives same-day discharge with a Wilson interval and length of stay for each of the three paths', async () => {
    const r = await t().gql(
      `{ discharge { kind treatments sameDay sameDayLower sameDayUpper meanStay medianStay q1Stay q3Stay } }`,
      {},
      await t().login(ADMIN),
    );
    for (const d of r.data!.discharge) {
      const mine = treatments.filter((x) => x.kind === d.kind && x.same_day_discharge !== null);
      const sameDay = mine.filter((x) => x.same_day_discharge).length;
      expect([d.treatments, d.sameDay]).toEqual([mine.length, sameDay]);
      expect(d.sameDayLower).toBeCloseTo(wilsonInterval(sameDay, mine.length).lower, 12);
      const stays = mine.map((x) => x.length_of_stay_days!).filter((v) => v !== null);
      expect(d.meanStay).toBeCloseTo(stays.reduce((a, b) => a + b, 0) / stays.length, 9);
      expect(d.medianStay).toBeCloseTo(quantile(stays, 0.5), 9);
    }
    expect(r.data!.discharge.map((d: any) => d.kind).sort()).toEqual(['CONSERVATIVE', 'KYPHOPLASTY', 'VERTEBROPLASTY']);
  });

  it('places each site against the registry rate with 95% and 99.8% limits', async () => {
    const r = await t().gql(
      `{ funnelPlot { registryRate sites { siteCode n events rate suppressed } limits { n lower95 upper95 lower998 upper998 } } }`,
      {},
      await t().login(ADMIN),
    );
    expect(r.errors).toBeUndefined();
    const f = r.data!.funnelPlot;
    const q = (sql: string) => t().db.dataSource.query(sql);
    const comps = await q(
      `SELECT patient_id, treatment_id, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on FROM complication WHERE withdrawn_at IS NULL AND kind <> 'DEATH'`,
    );
    // Complications after the end of follow-up do not count (docs/methods.md).
    const ends = await followUpEnds(t().db.dataSource);
    const endOf = (patient: string) => ends.get(patient)!.end;
    const procedures = treatments.filter((x) => x.kind !== 'CONSERVATIVE');
    const withEvent = (x: (typeof procedures)[number]) =>
      comps.some(
        (c: any) =>
          c.patient_id === x.patient_id &&
          c.occurred_on <= endOf(x.patient_id) &&
          (c.treatment_id === x.id || (c.treatment_id === null && c.occurred_on >= String(x.start_date).slice(0, 10))),
      );
    for (const s of f.sites) {
      const mine = procedures.filter((x) => x.site === s.siteCode);
      expect([s.n, s.events]).toEqual([mine.length, mine.filter(withEvent).length]);
    }
    const p = procedures.filter(withEvent).length / procedures.length;
    expect(f.registryRate).toBeCloseTo(p, 12);
    for (const l of f.limits) {
      expect(l.upper95).toBeCloseTo(Math.min(1, p + 1.959964 * Math.sqrt((p * (1 - p)) / l.n)), 5);
      expect(l.upper998).toBeGreaterThanOrEqual(l.upper95);
      expect(l.lower998).toBeLessThanOrEqual(l.lower95);
    }
    // The limits narrow as the number of procedures grows.
    expect(f.limits[f.limits.length - 1].upper95).toBeLessThan(f.limits[0].upper95);
  });

  it('lets a department head compare every site', async () => {
    const r = await t().gql(`{ funnelPlot { sites { siteCode } } }`, {}, await t().login(HEAD_NORTH));
    expect(r.data!.funnelPlot.sites.map((s: any) => s.siteCode).sort()).toEqual(['CENTRAL', 'NORTH', 'SOUTH']);
  });
});

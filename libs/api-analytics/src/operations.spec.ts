import { ADMIN, describeEachDatabase, HEAD_NORTH } from '@vfr/api-testing';
import { quantile, wilsonInterval } from '@vfr/stats';

describeEachDatabase('operations and the funnel plot', (t) => {
  let treatments: { id: string; patient_id: string; kind: string; start_date: string; same_day_discharge: boolean | null; length_of_stay_days: number | null; site: string }[];

  beforeAll(async () => {
    treatments = await t().db.dataSource.query(`
      SELECT t.id, t.patient_id, t.kind, t.start_date, t.same_day_discharge, t.length_of_stay_days, s.code AS site
      FROM treatment t JOIN patient p ON p.id = t.patient_id JOIN site s ON s.id = p.site_id WHERE t.withdrawn_at IS NULL AND p.withdrawn_at IS NULL`);
  });

  it('counts treatments per month and kind', async () => {
    const r = await t().gql(`{ monthlyVolumes { month kind count } }`, {}, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    const expected = new Map<string, number>();
    for (const x of treatments) expected.set(`${x.start_date.slice(0, 7)}|${x.kind}`, (expected.get(`${x.start_date.slice(0, 7)}|${x.kind}`) ?? 0) + 1);
    expect(new Map(r.data!.monthlyVolumes.map((v: any) => [`${v.month}|${v.kind}`, v.count]))).toEqual(expected);
  });

  it('gives same-day discharge with a Wilson interval and length of stay per procedure kind', async () => {
    const r = await t().gql(`{ discharge { kind procedures sameDay sameDayLower sameDayUpper meanStay medianStay q1Stay q3Stay } }`, {}, await t().login(ADMIN));
    for (const d of r.data!.discharge) {
      const mine = treatments.filter((x) => x.kind === d.kind && x.same_day_discharge !== null);
      const sameDay = mine.filter((x) => x.same_day_discharge).length;
      expect([d.procedures, d.sameDay]).toEqual([mine.length, sameDay]);
      expect(d.sameDayLower).toBeCloseTo(wilsonInterval(sameDay, mine.length).lower, 12);
      const stays = mine.map((x) => x.length_of_stay_days!).filter((v) => v !== null);
      expect(d.meanStay).toBeCloseTo(stays.reduce((a, b) => a + b, 0) / stays.length, 9);
      expect(d.medianStay).toBeCloseTo(quantile(stays, 0.5), 9);
    }
    expect(r.data!.discharge.map((d: any) => d.kind).sort()).toEqual(['KYPHOPLASTY', 'VERTEBROPLASTY']);
  });

  it('places each site against the registry rate with 95% and 99.8% limits', async () => {
    const r = await t().gql(`{ funnelPlot { registryRate sites { siteCode n events rate suppressed } limits { n lower95 upper95 lower998 upper998 } } }`, {}, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    const f = r.data!.funnelPlot;
    const comps = await t().db.dataSource.query(`SELECT patient_id, treatment_id, occurred_on FROM complication WHERE withdrawn_at IS NULL`);
    const procedures = treatments.filter((x) => x.kind !== 'CONSERVATIVE');
    const withEvent = (x: (typeof procedures)[number]) => comps.some((c: any) => c.patient_id === x.patient_id && (c.treatment_id === x.id || (c.treatment_id === null && c.occurred_on >= x.start_date)));
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

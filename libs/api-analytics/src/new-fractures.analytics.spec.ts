import { ADMIN, describeEachDatabase, followUpEnds, RESEARCHER } from '@vfr/api-testing';
import { VERTEBRAL_LEVELS } from '@vfr/domain';
import { wilsonInterval } from '@vfr/stats';

// New fractures by level and by adjacency, and imaging per visit, recomputed here in JS from the
// raw rows (complications, treated levels, visits) and compared with what the API aggregated in
// SQL: only fractures within follow-up count (day 0 to its end, followUpEnds), adjacency derived
// from the level and the index treatment's levels, imaging the share of completed visits that
// recorded it.
describeEachDatabase('new fractures and imaging figures', (t) => {
  let patients: { id: string; group: string; treatment: string }[];
  let fractures: { patient_id: string; kind: string; level: string | null; occurred_on: string }[];
  let treated: Map<string, string[]>;
  let ends: Map<string, { index: string; end: string }>;
  const FIELDS = 'group category n events rate lower upper suppressed';

  beforeAll(async () => {
    const q = (sql: string) => t().db.dataSource.query(sql);
    patients = await q(`
      SELECT p.id, idx.kind AS group, idx.id AS treatment FROM patient p
      JOIN LATERAL (SELECT t.id, t.kind::text FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.created_at LIMIT 1) idx ON true
      WHERE p.withdrawn_at IS NULL AND p.consent_status = 'GIVEN'`);
    fractures = await q(`SELECT patient_id, kind::text, level::text, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on FROM complication
                         WHERE withdrawn_at IS NULL AND kind IN ('ADJACENT_LEVEL_FRACTURE', 'REMOTE_FRACTURE')`);
    treated = new Map();
    for (const r of await q(
      `SELECT tl.treatment_id, f.level::text FROM treated_level tl JOIN fracture f ON f.id = tl.fracture_id WHERE f.withdrawn_at IS NULL`,
    )) {
      treated.set(r.treatment_id, [...(treated.get(r.treatment_id) ?? []), r.level]);
    }
    ends = await followUpEnds(t().db.dataSource);
  }, 60000);

  const within = (f: { patient_id: string; occurred_on: string }) => {
    const e = ends.get(f.patient_id);
    return !!e && f.occurred_on >= e.index && f.occurred_on <= e.end;
  };
  const adjacency = (f: { kind: string; level: string | null }, treatment: string) => {
    if (f.level === null) return f.kind === 'ADJACENT_LEVEL_FRACTURE' ? 'ADJACENT' : 'REMOTE';
    const at = VERTEBRAL_LEVELS.indexOf(f.level as never);
    return (treated.get(treatment) ?? []).some((l) => Math.abs(VERTEBRAL_LEVELS.indexOf(l as never) - at) === 1) ? 'ADJACENT' : 'REMOTE';
  };

  it('counts patients with a new fracture within follow-up at each level, per group, with Wilson intervals', async () => {
    const r = await t().gql(`{ newFracturesByLevel { ${FIELDS} } }`, {}, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    const rows = r.data!.newFracturesByLevel;
    expect(rows.filter((p: any) => p.category !== 'ANY').length).toBeGreaterThan(2);
    // Some fractures fall outside follow-up, so the filter is tested.
    expect(fractures.some((f) => !within(f))).toBe(true);
    for (const p of rows) {
      const group = patients.filter((x) => x.group === p.group);
      const hit = group.filter((x) =>
        fractures.some((f) => f.patient_id === x.id && within(f) && (p.category === 'ANY' || (f.level ?? 'NOT_RECORDED') === p.category)),
      );
      const ci = wilsonInterval(hit.length, group.length);
      expect({ cat: p.category, n: p.n, events: p.events }).toEqual({ cat: p.category, n: group.length, events: hit.length });
      expect([p.rate, p.lower, p.upper]).toEqual([ci.proportion, ci.lower, ci.upper].map((v) => expect.closeTo(v, 12)));
    }
    // Every level with a fracture within follow-up is shown, in spinal order after ANY.
    const cats = rows.filter((p: any) => p.group === rows[0].group).map((p: any) => p.category);
    expect(cats[0]).toBe('ANY');
    expect(cats.slice(1)).toEqual(
      [...cats.slice(1)].sort((a: string, b: string) => VERTEBRAL_LEVELS.indexOf(a as never) - VERTEBRAL_LEVELS.indexOf(b as never)),
    );
  });

  it("counts new fractures by adjacency to the index treatment's levels, derived from the level", async () => {
    const r = await t().gql(`{ newFracturesByAdjacency { ${FIELDS} } }`, {}, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    const rows = r.data!.newFracturesByAdjacency;
    expect(new Set(rows.map((p: any) => p.category))).toEqual(new Set(['ANY', 'ADJACENT', 'REMOTE']));
    for (const p of rows) {
      const group = patients.filter((x) => x.group === p.group);
      const hit = group.filter((x) =>
        fractures.some((f) => f.patient_id === x.id && within(f) && (p.category === 'ANY' || adjacency(f, x.treatment) === p.category)),
      );
      expect({ cat: p.category, n: p.n, events: p.events }).toEqual({ cat: p.category, n: group.length, events: hit.length });
    }
  });

  it('gives the share of completed visits with imaging done per group and time point, among visits that recorded it', async () => {
    const r = await t().gql(`{ imagingRates { ${FIELDS} } }`, {}, await t().login(ADMIN));
    expect(r.errors).toBeUndefined();
    const visits: { treatment_id: string; tp: string; img: boolean }[] = await t().db.dataSource.query(
      `SELECT treatment_id, time_point::text AS tp, imaging_done AS img FROM assessment WHERE status = 'DONE' AND withdrawn_at IS NULL AND imaging_done IS NOT NULL AND time_point <> 'UNSCHEDULED'`,
    );
    const groupOf = new Map(patients.map((p) => [p.treatment, p.group]));
    const rows = r.data!.imagingRates;
    expect(rows.length).toBeGreaterThan(10);
    for (const p of rows) {
      const mine = visits.filter((v) => groupOf.get(v.treatment_id) === p.group && v.tp === p.category);
      const ci = wilsonInterval(mine.filter((v) => v.img).length, mine.length);
      expect({ g: p.group, tp: p.category, n: p.n, events: p.events }).toEqual({
        g: p.group,
        tp: p.category,
        n: mine.length,
        events: mine.filter((v) => v.img).length,
      });
      expect(p.rate).toBeCloseTo(ci.proportion, 12);
    }
    // The seed images procedure patients more often after treatment: the figure shows it.
    const after = (g: string) => rows.filter((p: any) => p.group === g && p.category !== 'BASELINE');
    const share = (g: string) => after(g).reduce((a: number, p: any) => a + p.events, 0) / after(g).reduce((a: number, p: any) => a + p.n, 0);
    expect(share('VERTEBROPLASTY')).toBeGreaterThan(share('CONSERVATIVE'));
  });

  it('gives a researcher the same figures or none: a suppressed cell has no count', async () => {
    const admin = (await t().gql(`{ newFracturesByLevel { ${FIELDS} } }`, {}, await t().login(ADMIN))).data!.newFracturesByLevel;
    const researcher = (await t().gql(`{ newFracturesByLevel { ${FIELDS} } }`, {}, await t().login(RESEARCHER))).data!.newFracturesByLevel;
    expect(researcher.some((p: any) => p.suppressed)).toBe(true);
    for (const p of researcher) {
      if (p.suppressed) expect([p.n, p.events, p.rate]).toEqual([null, null, null]);
      else expect(p.events).toBe(admin.find((a: any) => a.group === p.group && a.category === p.category).events);
    }
  });
});

import { ADMIN, describeEachDatabase, RESEARCHER } from '@vfr/api-testing';
import { TIME_POINT_WINDOWS, timePointOrdinal } from '@vfr/domain';
import { grayTest } from '@vfr/stats';
import { WINDOWS_SQL } from '../../../migrations/1795610200000-FollowUpByWindowAndRule';

// The follow-up rule (docs/methods.md, Follow-up, windows and crossover), tried on patients
// built for it in a site of their own: events after the end of follow-up, a death ending it,
// visits whose label does not fit their day, and a crossover, under intention to treat and per
// protocol. Rows are written with SQL, as a legacy database or an import could hold them.
describeEachDatabase('the follow-up rule', (t) => {
  const q = (sql: string, params: unknown[] = []) => t().db.dataSource.query(sql, params);
  const INDEX = '2025-01-06';
  let siteId: string;
  let token: string;

  type Visit = [label: string, day: number, nrs: number];
  async function patient(
    number: string,
    p: {
      visits: Visit[];
      complications?: [kind: string, day: number][];
      death?: number;
      crossover?: { kind: string; day: number; visits: Visit[] };
    },
  ): Promise<string> {
    const [{ id }] = await q(
      `INSERT INTO patient (site_id, registry_number, sex, birth_year, consent_status) VALUES ($1, $2, 'FEMALE', 1945, 'GIVEN') RETURNING id`,
      [siteId, number],
    );
    const [{ id: fracture }] = await q(
      `INSERT INTO fracture (patient_id, level, onset_date, cause, genant_grade) VALUES ($1, 'L1', $2::date - 20, 'OSTEOPOROTIC', 2) RETURNING id`,
      [id, INDEX],
    );
    const treatment = async (kind: string, day: number, visits: Visit[]) => {
      const procedure = kind === 'CONSERVATIVE' ? [null, null] : ['LOCAL', 'BIPEDICULAR'];
      const [{ id: tid }] = await q(
        `INSERT INTO treatment (patient_id, kind, start_date, anaesthesia, approach) VALUES ($1, $2, $3::date + $4::int, $5, $6) RETURNING id`,
        [id, kind, INDEX, day, ...procedure],
      );
      await q(`INSERT INTO treated_level (treatment_id, fracture_id) VALUES ($1, $2)`, [tid, fracture]);
      for (const [label, d, nrs] of visits) {
        await q(
          `INSERT INTO assessment (patient_id, treatment_id, time_point, visit_date, status, nrs_activity, nrs_rest) VALUES ($1, $2, $3, $4::date + $5::int, 'DONE', $6, $6)`,
          [id, tid, label, INDEX, d, nrs],
        );
      }
      return tid;
    };
    await treatment('CONSERVATIVE', 0, p.visits);
    if (p.crossover) await treatment(p.crossover.kind, p.crossover.day, p.crossover.visits);
    for (const [kind, day] of p.complications ?? []) {
      await q(`INSERT INTO complication (patient_id, occurred_on, kind) VALUES ($1, $2::date + $3::int, $4)`, [id, INDEX, day, kind]);
    }
    if (p.death !== undefined)
      await q(`INSERT INTO death (patient_id, died_on, cause, source) VALUES ($1, $2::date + $3::int, 'CARDIOVASCULAR', 'HOSPITAL_RECORD')`, [
        id,
        INDEX,
        p.death,
      ]);
    return id;
  }

  beforeAll(async () => {
    [{ id: siteId }] = await q(`INSERT INTO site (code, name) VALUES ('FOLLOWUP', 'Follow-up rule') RETURNING id`);
    // A: a fracture after the last visit, alive: not an event, censored at day 90.
    await patient('A', {
      visits: [
        ['BASELINE', 0, 8],
        ['M1', 30, 6],
        ['M3', 90, 5],
      ],
      complications: [['REMOTE_FRACTURE', 200]],
    });
    // B: a fracture within follow-up: an event on day 100.
    await patient('B', {
      visits: [
        ['BASELINE', 0, 8],
        ['M1', 30, 7],
        ['M6', 180, 6],
      ],
      complications: [['ADJACENT_LEVEL_FRACTURE', 100]],
    });
    // C: died on day 150; the fracture between the last visit and the death is within follow-up.
    await patient('C', {
      visits: [
        ['BASELINE', -1, 8],
        ['M1', 28, 6],
      ],
      complications: [['REMOTE_FRACTURE', 120]],
      death: 150,
    });
    // D: an "M24" visit on day 12 (between windows: no time point) and an unscheduled visit on
    // day 88 (the M3 window).
    await patient('D', {
      visits: [
        ['BASELINE', 0, 9],
        ['M24', 12, 2],
        ['UNSCHEDULED', 88, 4],
      ],
    });
    // E: conservative care, then vertebroplasty on day 40 with visits recorded against it.
    await patient('E', {
      visits: [
        ['BASELINE', 0, 8],
        ['M1', 30, 7],
      ],
      crossover: {
        kind: 'VERTEBROPLASTY',
        day: 40,
        visits: [
          ['BASELINE', 40, 7],
          ['M1', 95, 2],
        ],
      },
      complications: [
        ['ADJACENT_LEVEL_FRACTURE', 60],
        ['CEMENT_LEAKAGE', 40],
      ],
    });
    token = await t().login(ADMIN);
  });

  const ask = async (query: string, grouping: string) => {
    const r = await t().gql(query, { f: { siteIds: [siteId] }, g: grouping }, token);
    expect(r.errors).toBeUndefined();
    return r.data!;
  };
  const eventDays = async (endpoint: string, grouping: string) => {
    const d = await ask(
      `query($f: CohortFilterInput, $g: TreatmentGrouping) { survival(endpoint: ${endpoint}, filter: $f, grouping: $g) { curves { group n events steps { day events atRisk } } } }`,
      grouping,
    );
    const [curve] = d.survival.curves;
    return {
      n: curve.n,
      events: curve.events,
      days: curve.steps.filter((s: { events: number }) => s.events > 0).map((s: { day: number }) => s.day),
      atRisk: curve.steps.map((s: { day: number; atRisk: number }) => [s.day, s.atRisk]),
    };
  };

  it('counts a new fracture only within follow-up, which a death ends', async () => {
    expect(await eventDays('NEW_FRACTURE', 'FIRST_TREATMENT')).toMatchObject({ n: 5, events: 3, days: [60, 100, 120] });
  });

  it('censors at the crossover per protocol', async () => {
    const pp = await eventDays('NEW_FRACTURE', 'PER_PROTOCOL');
    expect(pp).toMatchObject({ n: 5, events: 2, days: [100, 120] });
    // E is censored at day 40 (under intention to treat it is at risk until its fracture on day 60),
    // D at 88, A at 90.
    expect(pp.atRisk).toEqual([
      [40, 5],
      [88, 4],
      [90, 3],
      [100, 2],
      [120, 1],
    ]);
    expect((await eventDays('NEW_FRACTURE', 'FIRST_TREATMENT')).atRisk).toEqual([
      [60, 5],
      [88, 4],
      [90, 3],
      [100, 2],
      [120, 1],
    ]);
  });

  it('takes death as the event of overall survival', async () => {
    expect(await eventDays('OVERALL_SURVIVAL', 'FIRST_TREATMENT')).toMatchObject({ n: 5, events: 1, days: [150] });
  });

  it('counts complications within follow-up only, and no death among them', async () => {
    const rates = async (g: string) =>
      Object.fromEntries(
        (
          await ask(`query($f: CohortFilterInput, $g: TreatmentGrouping) { complicationRates(filter: $f, grouping: $g) { category events n } }`, g)
        ).complicationRates
          .filter((r: { events: number }) => r.events > 0) // every other row is 0 of 5
          .map((r: { category: string; events: number; n: number }) => [r.category, [r.events, r.n]]),
      );
    // The fixture records no grade and no leakage symptom; E's leakage after its crossover counts
    // under intention to treat, labelled as after the crossover.
    expect(await rates('FIRST_TREATMENT')).toEqual({
      ANY: [3, 5],
      GRADE_NOT_RECORDED: [3, 5],
      ADJACENT_LEVEL_FRACTURE: [2, 5],
      REMOTE_FRACTURE: [1, 5],
      CEMENT_LEAKAGE: [1, 5],
      LEAKAGE_SYMPTOM_NOT_RECORDED: [1, 5],
      AFTER_CROSSOVER: [1, 5],
    });
    expect(await rates('PER_PROTOCOL')).toEqual({ ANY: [2, 5], GRADE_NOT_RECORDED: [2, 5], ADJACENT_LEVEL_FRACTURE: [1, 5], REMOTE_FRACTURE: [1, 5] });
  });

  it('assigns visits to time points by their day, and drops visits from the crossover on per protocol', async () => {
    const scores = async (g: string) =>
      Object.fromEntries(
        (
          await ask(`query($f: CohortFilterInput, $g: TreatmentGrouping) { outcomeTrajectory(measure: NRS, filter: $f, grouping: $g) { timePoint n mean } }`, g)
        ).outcomeTrajectory.map((r: { timePoint: string; n: number; mean: number }) => [r.timePoint, [r.n, r.mean]]),
      );
    // M1: A 6, B 7, C 6, E 7 (E's labelled M1 visit, not the vertebroplasty's baseline on day 40);
    // M3: A 5, D 4 (its unscheduled visit on day 88), E 2 (a visit on day 95, recorded against the
    // vertebroplasty); no M24 (D's "M24" on day 12 fits no window) and no W1.
    const itt = await scores('FIRST_TREATMENT');
    expect(itt).toEqual({ BASELINE: [5, 8.2], M1: [4, 6.5], M3: [3, 11 / 3], M6: [1, 6] });
    const pp = await scores('PER_PROTOCOL');
    expect(pp).toEqual({ BASELINE: [5, 8.2], M1: [4, 6.5], M3: [2, 4.5], M6: [1, 6] });
  });

  it('takes pain relief from any completed visit after baseline, whatever its label', async () => {
    // D's day-12 visit (NRS 2) is relief; E's day-95 visit (NRS 2) is relief under intention to
    // treat only.
    expect(await eventDays('PAIN_RELIEF', 'FIRST_TREATMENT')).toMatchObject({ n: 5, events: 2, days: [12, 95] });
    expect(await eventDays('PAIN_RELIEF', 'PER_PROTOCOL')).toMatchObject({ n: 5, events: 1, days: [12] });
  });

  it("gives the cumulative incidence of a new fracture with death as a competing risk, and Gray's test", async () => {
    const query = `query($f: CohortFilterInput, $g: TreatmentGrouping) { competingRisks(filter: $f, grouping: $g) {
      curves { group event n events atOneYear steps { day atRisk events incidence } } tests { event chiSquare df p } } }`;
    const curve = (d: any, group: string, event: string) => d.competingRisks.curves.find((c: any) => c.group === group && c.event === event);
    // Incidences to 12 digits: 0.6 is 0.2 + 0.4 in floating point.
    const steps = (c: any) => c.steps.map((x: any) => [x.day, x.atRisk, Math.round(x.incidence * 1e12) / 1e12]);
    // Conservative care, intention to treat: E's fracture on day 60 (5 at risk), D and A censored
    // at 88 and 90, B's fracture on day 100 (2 at risk), C's on 120 (C died after it, at 150:
    // the first event decides). Aalen-Johansen by hand: 1/5; + 4/5 x 1/2; + 2/5 x 1/1.
    let d = await ask(query, 'FIRST_TREATMENT');
    expect(curve(d, 'CONSERVATIVE', 'NEW_FRACTURE')).toMatchObject({ n: 5, events: 3, atOneYear: null });
    expect(steps(curve(d, 'CONSERVATIVE', 'NEW_FRACTURE'))).toEqual([
      [60, 5, 0.2],
      [100, 2, 0.6],
      [120, 1, 1],
    ]);
    expect(curve(d, 'CONSERVATIVE', 'DEATH')).toMatchObject({ events: 0, steps: [] });
    // Per protocol E is censored at its crossover on day 40.
    d = await ask(query, 'PER_PROTOCOL');
    expect(steps(curve(d, 'CONSERVATIVE', 'NEW_FRACTURE'))).toEqual([
      [100, 2, 0.5],
      [120, 1, 1],
    ]);

    // F: vertebroplasty, died on day 50 without a fracture: a competing event, not a censoring.
    // G: vertebroplasty, a fracture on day 30, last visit on day 200.
    const f = await patient('F', { visits: [['BASELINE', 0, 8]], death: 50 });
    await q(`UPDATE treatment SET kind = 'VERTEBROPLASTY', anaesthesia = 'LOCAL', approach = 'BIPEDICULAR' WHERE patient_id = $1`, [f]);
    const g = await patient('G', {
      visits: [
        ['BASELINE', 0, 8],
        ['M6', 200, 3],
      ],
      complications: [['REMOTE_FRACTURE', 30]],
    });
    await q(`UPDATE treatment SET kind = 'VERTEBROPLASTY', anaesthesia = 'LOCAL', approach = 'BIPEDICULAR' WHERE patient_id = $1`, [g]);
    d = await ask(query, 'FIRST_TREATMENT');
    // Vertebroplasty: G's fracture on day 30 (2 at risk): 1/2; F's death on day 50: 1/2 x 1/1.
    expect(steps(curve(d, 'VERTEBROPLASTY', 'NEW_FRACTURE'))).toEqual([[30, 2, 0.5]]);
    expect(steps(curve(d, 'VERTEBROPLASTY', 'DEATH'))).toEqual([[50, 1, 0.5]]);
    // Gray's test on the same rows, computed here from the patients' (time, cause) by hand.
    const conservative = [
      [60, 1],
      [88, 0],
      [90, 0],
      [100, 1],
      [120, 1],
    ];
    const vertebroplasty = [
      [30, 1],
      [50, 2],
    ];
    const all = [...conservative.map((r) => [...r, 0]), ...vertebroplasty.map((r) => [...r, 1])];
    for (const [event, cause] of [
      ['NEW_FRACTURE', 1],
      ['DEATH', 2],
    ] as const) {
      const expected = grayTest(
        all.map((r) => r[0]),
        all.map((r) => r[1]),
        all.map((r) => r[2]),
        cause,
      );
      const test = d.competingRisks.tests.find((x: any) => x.event === event);
      expect(test.df).toBe(1);
      expect(test.chiSquare).toBeCloseTo(expected.statistic, 12);
      expect(test.p).toBeCloseTo(expected.pValue, 12);
    }
  });

  it('shows a de-identified reader nothing of a group under the threshold, curves and tests included', async () => {
    const researcher = await t().login(RESEARCHER);
    const r = await t().gql(
      `query($f: CohortFilterInput) {
      competingRisks(filter: $f) { curves { group n events atOneYear steps { day } suppressed } tests { p } }
      survival(filter: $f, endpoint: OVERALL_SURVIVAL) { curves { n events steps { day } suppressed } logRankP } }`,
      { f: { siteIds: [siteId] } },
      researcher,
    );
    expect(r.errors).toBeUndefined();
    for (const c of [...r.data!.competingRisks.curves, ...r.data!.survival.curves]) {
      expect(c).toMatchObject({ n: null, events: null, steps: [], suppressed: true });
    }
    expect(r.data!.competingRisks.tests).toEqual([]);
    expect(r.data!.survival.logRankP).toBeNull();
  });
});

describe('the windows written into the analysis table', () => {
  it('equal the domain schedule', () => {
    const rows = [...WINDOWS_SQL.matchAll(/\('(\w+)'::time_point, (\d+), (-?\d+), (-?\d+), (-?\d+)\)/g)].map((m) => ({
      timePoint: m[1],
      ordinal: Number(m[2]),
      targetDay: Number(m[3]),
      fromDay: Number(m[4]),
      toDay: Number(m[5]),
    }));
    expect(rows).toEqual(TIME_POINT_WINDOWS.map((w) => ({ ...w, ordinal: timePointOrdinal(w.timePoint) })));
  });
});

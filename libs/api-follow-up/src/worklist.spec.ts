import { ADMIN, COORD_NORTH, COORD_SOUTH, describeEachDatabase, http, RESEARCHER } from '@vfr/api-testing';
import { addDays, TIME_POINT_WINDOWS, todayIso } from '@vfr/domain';

const LIST = `query($f: WorklistFilterInput, $sort: WorklistSort, $first: Int, $after: String) {
  worklist(filter: $f, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { registryNumber timePoint state daysOverdue targetDate windowStart windowEnd } }
  }
}`;

describeEachDatabase('follow-up worklist and completeness', (t) => {
  let token: string;
  let patientId: string;
  let treatmentId: string;
  const rn = 'NORTH-WL-1';

  const list = async (today: string, extra: Record<string, unknown> = {}) => {
    const r = await t().gql(LIST, { f: { registryNumber: rn, today, ...extra }, first: 50 }, token);
    expect(r.errors).toBeUndefined();
    return r.data!.worklist.edges.map((e: any) => e.node);
  };

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [site] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    const gql = (q: string, v: Record<string, unknown>) => t().gql(q, v, token);
    patientId = (
      await gql(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
        i: { siteId: site.id, sex: 'FEMALE', birthYear: 1940, registryNumber: rn },
      })
    ).data!.createPatient.id;
    const fractureId = (
      await gql(`mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
        i: { patientId, level: 'L1', onsetDate: '2023-12-20', cause: 'OSTEOPOROTIC', genantGrade: 2 },
      })
    ).data!.createFracture.id;
    treatmentId = (
      await gql(`mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`, {
        i: { patientId, kind: 'CONSERVATIVE', startDate: '2024-01-01', levels: [{ fractureId }] },
      })
    ).data!.createTreatment.id;
    await gql(`mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }`, {
      i: { patientId, treatmentId, timePoint: 'BASELINE', visitDate: '2024-01-01', nrsRest: 8 },
    });
  });

  it('lists what is due, due soon and overdue around the window edges', async () => {
    // Day 1: D1 (days 0-3) is due, W1 (days 4-10) opens in 3 days; M1 (16-44) opens in 15: not yet.
    expect((await list('2024-01-02')).map((n: any) => `${n.timePoint}:${n.state}`)).toEqual(['D1:DUE', 'W1:DUE_SOON']);
    // Day 2: M1 opens in 14 days: due soon.
    expect((await list('2024-01-03')).map((n: any) => n.timePoint)).toContain('M1');
    // Day 45: M1's window (day 16 to 44) closed yesterday.
    const m1 = (await list('2024-02-15')).find((n: any) => n.timePoint === 'M1');
    expect(m1).toMatchObject({ state: 'OVERDUE', daysOverdue: 1, targetDate: '2024-01-31', windowStart: '2024-01-17', windowEnd: '2024-02-14' });
    // Day 44: still within the window.
    expect((await list('2024-02-14')).find((n: any) => n.timePoint === 'M1')).toMatchObject({ state: 'DUE', daysOverdue: 0 });
  });

  it('drops a visit once it is recorded or marked missed', async () => {
    const gql = (q: string, v: Record<string, unknown>) => t().gql(q, v, token);
    await gql(`mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }`, {
      i: { patientId, treatmentId, timePoint: 'M1', visitDate: '2024-02-01', nrsRest: 4 },
    });
    await gql(`mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }`, {
      i: { patientId, treatmentId, timePoint: 'D1', status: 'MISSED' },
    });
    const points = (await list('2024-02-15')).map((n: any) => n.timePoint);
    expect(points).not.toContain('M1');
    expect(points).not.toContain('D1');
    expect(points).toContain('W1');
  });

  it('filters by state and time point, sorts by days overdue, and pages', async () => {
    const overdue = await list('2026-01-01', { states: ['OVERDUE'] });
    expect(overdue.every((n: any) => n.state === 'OVERDUE')).toBe(true);
    const r = await t().gql(LIST, { f: { today: '2026-01-01', states: ['OVERDUE'] }, sort: 'DAYS_OVERDUE', first: 5 }, token);
    const days = r.data!.worklist.edges.map((e: any) => e.node.daysOverdue);
    expect(days).toEqual([...days].sort((a: number, b: number) => b - a));
    if (r.data!.worklist.pageInfo.hasNextPage) {
      const next = await t().gql(
        LIST,
        { f: { today: '2026-01-01', states: ['OVERDUE'] }, sort: 'DAYS_OVERDUE', first: 5, after: r.data!.worklist.pageInfo.endCursor },
        token,
      );
      expect(next.data!.worklist.edges[0].node.daysOverdue).toBeLessThanOrEqual(days[days.length - 1]);
    }
    const onlyW1 = await list('2024-02-15', { timePoints: ['W1'] });
    expect(onlyW1.map((n: any) => n.timePoint)).toEqual(['W1']);
  });

  it('leaves out visits after the patient died, and every visit once consent is withdrawn', async () => {
    const gql = (q: string, v: Record<string, unknown>) => t().gql(q, v, token);
    const other = 'NORTH-WL-2';
    const [site] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    const id = (
      await gql(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id version } }`, {
        i: { siteId: site.id, sex: 'MALE', birthYear: 1938, registryNumber: other },
      })
    ).data!.createPatient;
    const fx = (
      await gql(`mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
        i: { patientId: id.id, level: 'T12', onsetDate: '2023-12-20', cause: 'OSTEOPOROTIC', genantGrade: 1 },
      })
    ).data!.createFracture.id;
    await gql(`mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`, {
      i: { patientId: id.id, kind: 'CONSERVATIVE', startDate: '2024-01-01', levels: [{ fractureId: fx }] },
    });
    const points = async () => {
      const r = await t().gql(LIST, { f: { registryNumber: other, today: '2024-08-01', states: ['OVERDUE', 'DUE', 'DUE_SOON'] }, first: 50 }, token);
      expect(r.errors).toBeUndefined();
      return r.data!.worklist.edges.map((e: any) => e.node.timePoint);
    };
    // Day 213: every window up to M6 (150-210) has closed unrecorded.
    expect(await points()).toEqual(['BASELINE', 'D1', 'W1', 'M1', 'M3', 'M6']);
    // Died on day 140: M6's window closed after that, so M6 is no longer expected; M3's closed before.
    const died = await gql(`mutation($i: RecordDeathInput!) { recordDeath(input: $i) { id } }`, {
      i: { patientId: id.id, diedOn: '2024-05-20', cause: 'UNKNOWN', source: 'FAMILY' },
    });
    expect(died.errors).toBeUndefined();
    expect(await points()).toEqual(['BASELINE', 'D1', 'W1', 'M1', 'M3']);
    const withdrawn = await gql(`mutation($i: UpdatePatientInput!) { updatePatient(input: $i) { consentStatus } }`, {
      i: { id: id.id, version: id.version, consentStatus: 'WITHDRAWN' },
    });
    expect(withdrawn.errors).toBeUndefined();
    expect(await points()).toEqual([]);
  });

  it('sorts by target date, not by the end of the window', async () => {
    // A's M12 (target 2024-12-31, window to 2025-03-01) is due before B's M6 (target 2025-01-15,
    // window to 2025-02-14): by target date A comes first, by the windows' ends B would.
    const [site] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    const gql = async (q: string, v: Record<string, unknown>) => {
      const r = await t().gql(q, v, token);
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    for (const [registryNumber, startDate] of [
      ['NORTH-SORT-A', '2024-01-01'],
      ['NORTH-SORT-B', '2024-07-19'],
    ]) {
      const id = (
        await gql(`mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`, {
          i: { siteId: site.id, sex: 'FEMALE', birthYear: 1945, registryNumber },
        })
      ).createPatient.id;
      const fractureId = (
        await gql(`mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`, {
          i: { patientId: id, level: 'L2', onsetDate: '2023-12-20', cause: 'OSTEOPOROTIC', genantGrade: 2 },
        })
      ).createFracture.id;
      await gql(`mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`, {
        i: { patientId: id, kind: 'CONSERVATIVE', startDate, levels: [{ fractureId }] },
      });
    }
    const r = await gql(LIST, { f: { registryNumber: 'NORTH-SORT-', today: '2025-01-20', timePoints: ['M6', 'M12'] }, sort: 'DUE_DATE', first: 50 });
    const rows = r.worklist.edges.map((e: any) => `${e.node.registryNumber} ${e.node.timePoint} ${e.node.targetDate}`);
    expect(rows).toEqual(['NORTH-SORT-A M6 2024-06-29', 'NORTH-SORT-A M12 2024-12-31', 'NORTH-SORT-B M6 2025-01-15']);
    // The windows' ends are in another order, so this list tells the two sorts apart.
    const ends = r.worklist.edges.map((e: any) => e.node.windowEnd);
    expect([...ends].sort()).not.toEqual(ends);
  });

  it('gives the call list as CSV with the filters and sort of the list, audited as an export', async () => {
    const path = '/api/export/worklist.csv?registryNumber=NORTH-SORT-&today=2025-01-20&timePoint=M6,M12&sort=DUE_DATE';
    const r = await http(t(), path, token);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain('worklist-call-list.csv');
    const [header, ...rows] = r.text.trim().split('\n');
    expect(header).toBe('registry_number,family_name,given_name,time_point,target_date,window_start,window_end,state,days_overdue');
    expect(
      rows.map((l) =>
        l
          .split(',')
          .filter((_, i) => [0, 3, 4, 7, 8].includes(i))
          .join(' '),
      ),
    ).toEqual(['NORTH-SORT-A M6 2024-06-29 OVERDUE 175', 'NORTH-SORT-A M12 2024-12-31 DUE 0', 'NORTH-SORT-B M6 2025-01-15 DUE 0']);
    const [event] = await t().db.dataSource.query(
      `SELECT action, entity_id, after FROM audit_event WHERE entity_type = 'Export' AND actor_email = $1 ORDER BY id DESC LIMIT 1`,
      [COORD_NORTH],
    );
    expect(event).toMatchObject({ action: 'EXPORT', entity_id: 'worklist', after: expect.objectContaining({ rows: 3, sort: 'DUE_DATE' }) });
    // Names as the coordinator may see them: the seeded patients have theirs.
    const seeded = await http(t(), '/api/export/worklist.csv?registryNumber=NORTH-0&today=2030-01-01', token);
    const names = seeded.text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[1]);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.length > 0)).toBe(true);
    expect((await http(t(), '/api/export/worklist.csv', await t().login(RESEARCHER))).status).toBe(403);
    const bad = await http(t(), '/api/export/worklist.csv?states=LATE', token);
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'states', message: 'states must be one of DUE_SOON, DUE, OVERDUE (got "LATE")' });
  });

  it("gives the patients' names on the list to its coordinator, and audits the read", async () => {
    const r = await t().gql(
      `{ worklist(first: 3, filter: { registryNumber: "NORTH-0", today: "2030-01-01" }) { edges { node { registryNumber identifiers { familyName givenName } } } } }`,
      {},
      token,
    );
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.worklist.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) expect(n.identifiers.familyName).toEqual(expect.any(String));
    const [event] = await t().db.dataSource.query(
      `SELECT after FROM audit_event WHERE entity_type = 'PatientIdentifier' AND actor_email = $1 ORDER BY id DESC LIMIT 1`,
      [COORD_NORTH],
    );
    expect(event.after.registryNumbers).toEqual([...new Set(nodes.map((n: any) => n.registryNumber))].sort());
  });

  it('keeps each coordinator to its own site', async () => {
    const south = await t().login(COORD_SOUTH);
    const r = await t().gql(LIST, { f: { registryNumber: rn, today: '2024-02-15' } }, south);
    expect(r.data!.worklist.totalCount).toBe(0);
  });

  it('reports completeness per site and time point, matching the raw rows of consenting patients', async () => {
    const today = todayIso();
    const query = async () => {
      const r = await t().gql(`{ followUpCompleteness { siteCode timePoint expected done missed outstanding completeness } }`, {}, await t().login(ADMIN));
      expect(r.errors).toBeUndefined();
      return r;
    };
    const expectedTotal = (r: any) => r.data!.followUpCompleteness.reduce((a: number, x: any) => a + x.expected, 0);
    // A patient who died on day 100 of a treatment more than 500 days ago leaves the denominator
    // of every later window, except where a visit was done.
    const before = await query();
    const [dead] = await t().db.dataSource.query(`
      SELECT a.patient_id, a.index_date FROM analysis_patient a WHERE a.consent_status = 'GIVEN' AND a.death_on IS NULL AND a.index_date < now() - interval '500 days'
        AND EXISTS (SELECT 1 FROM unnest(a.visit_status[6:7]) AS s(status) WHERE s.status IS DISTINCT FROM 'DONE') ORDER BY a.patient_id LIMIT 1`);
    await t().db.dataSource.query(`INSERT INTO death (patient_id, died_on, cause, source) VALUES ($1, $2::date + 100, 'RESPIRATORY', 'DEATH_REGISTRY')`, [
      dead.patient_id,
      dead.index_date,
    ]);
    const r = await query();
    expect(expectedTotal(r)).toBeLessThan(expectedTotal(before));
    const rows = r.data!.followUpCompleteness;
    expect(new Set(rows.map((x: any) => x.siteCode))).toEqual(new Set(['NORTH', 'CENTRAL', 'SOUTH']));
    // Independently: walk each patient's index treatment and its visits in JS.
    const patients = await t().db.dataSource.query(`
      SELECT p.id, s.code, (SELECT t.id FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL ORDER BY t.start_date, t.created_at LIMIT 1) AS treatment_id,
             (SELECT min(t.start_date) FROM treatment t WHERE t.patient_id = p.id AND t.withdrawn_at IS NULL) AS start
      FROM patient p JOIN site s ON s.id = p.site_id WHERE p.withdrawn_at IS NULL AND p.consent_status = 'GIVEN'`);
    const visits = await t().db.dataSource.query(`SELECT treatment_id, time_point, status FROM assessment WHERE withdrawn_at IS NULL`);
    const deaths = new Map<string, string>(
      (await t().db.dataSource.query(`SELECT patient_id, to_char(died_on, 'YYYY-MM-DD') AS d FROM death WHERE withdrawn_at IS NULL`)).map((r: any) => [
        r.patient_id,
        r.d,
      ]),
    );
    const expected = new Map<string, { expected: number; done: number; missed: number; outstanding: number }>();
    for (const p of patients.filter((x: any) => x.treatment_id)) {
      for (const w of TIME_POINT_WINDOWS) {
        if (addDays(p.start, w.toDay) >= today) continue;
        const status = visits.find((v: any) => v.treatment_id === p.treatment_id && v.time_point === w.timePoint)?.status;
        // Dead before the window closed: not expected, unless the visit was done before.
        const died = deaths.get(p.id);
        if (died && died <= addDays(p.start, w.toDay) && status !== 'DONE') continue;
        const key = `${p.code}/${w.timePoint}`;
        const e = expected.get(key) ?? { expected: 0, done: 0, missed: 0, outstanding: 0 };
        e.expected++;
        if (status === 'DONE') e.done++;
        if (status === 'MISSED') e.missed++;
        if (!status) e.outstanding++;
        expected.set(key, e);
      }
    }
    for (const row of rows) {
      const e = expected.get(`${row.siteCode}/${row.timePoint}`)!;
      expect({ expected: row.expected, done: row.done, missed: row.missed, outstanding: row.outstanding }).toEqual(e);
      expect(row.completeness).toBeCloseTo(e.done / e.expected, 10);
    }
    expect(rows.length).toBe(expected.size);
  });
});

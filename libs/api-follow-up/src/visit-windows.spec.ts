import { COORD_NORTH, describeEachDatabase, rowCounts } from '@vfr/api-testing';

const M = {
  patient: `mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`,
  fracture: `mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`,
  treatment: `mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id version startDate } }`,
  updateTreatment: `mutation($i: UpdateTreatmentInput!) { updateTreatment(input: $i) { id version startDate } }`,
  visit: `mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id version timePoint visitDate status } }`,
  updateVisit: `mutation($i: UpdateAssessmentInput!) { updateAssessment(input: $i) { id version timePoint visitDate status nrsRest } }`,
};

// Treatment start 2024-01-01: M1 is days 16 to 44 (2024-01-17 to 2024-02-14), W1 days 4 to 10.
describeEachDatabase("a visit lies in its time point's window", (t) => {
  let token: string;
  let patientId: string;
  let treatmentId: string;

  const refused = async (query: string, input: Record<string, unknown>, field: string, rule: string) => {
    const before = await rowCounts(t().db);
    const r = await t().gql(query, { i: input }, token);
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, rule })] });
    expect(await rowCounts(t().db)).toEqual(before);
    return r.errors![0].message;
  };
  const ok = async <T = any>(query: string, input: Record<string, unknown>): Promise<T> => {
    const r = await t().gql(query, { i: input }, token);
    expect(r.errors).toBeUndefined();
    return Object.values(r.data!)[0] as T;
  };

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [site] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    patientId = (await ok<{ id: string }>(M.patient, { siteId: site.id, sex: 'MALE', birthYear: 1950 })).id;
    const fractureId = (await ok<{ id: string }>(M.fracture, { patientId, level: 'L2', onsetDate: '2023-12-15', cause: 'OSTEOPOROTIC', genantGrade: 2 })).id;
    treatmentId = (await ok<{ id: string }>(M.treatment, { patientId, kind: 'CONSERVATIVE', startDate: '2024-01-01', levels: [{ fractureId }] })).id;
  });

  it('refuses an M24 visit on day 12, naming the window, the day and the gap it falls in, and writes nothing', async () => {
    const message = await refused(M.visit, { patientId, treatmentId, timePoint: 'M24', visitDate: '2024-01-13', nrsRest: 4 }, 'visitDate', 'window');
    expect(message).toContain('day 12');
    expect(message).toContain('days 640 to 820 (2025-10-02 to 2026-03-31)');
    expect(message).toContain('between the windows of W1 (to day 10) and M1 (from day 16): record it as UNSCHEDULED');
    // The same day as an unscheduled visit is accepted.
    const v = await ok(M.visit, { patientId, treatmentId, timePoint: 'UNSCHEDULED', visitDate: '2024-01-13', nrsRest: 4 });
    expect(v).toMatchObject({ timePoint: 'UNSCHEDULED', visitDate: '2024-01-13' });
  });

  it('accepts the first and last day of a window and refuses the days beside them', async () => {
    await refused(M.visit, { patientId, treatmentId, timePoint: 'M1', visitDate: '2024-01-16', nrsRest: 4 }, 'visitDate', 'window');
    await refused(M.visit, { patientId, treatmentId, timePoint: 'M1', visitDate: '2024-02-15', nrsRest: 4 }, 'visitDate', 'window');
    await ok(M.visit, { patientId, treatmentId, timePoint: 'M1', visitDate: '2024-01-17', nrsRest: 4 });
    await ok(M.visit, { patientId, treatmentId, timePoint: 'W1', visitDate: '2024-01-11', nrsRest: 5 });
  });

  it('records a missed visit without a date at any time point', async () => {
    await ok(M.visit, { patientId, treatmentId, timePoint: 'M24', status: 'MISSED' });
  });

  it('refuses an update that moves a visit out of its window by date, by time point or by status, and writes nothing', async () => {
    const m3 = await ok<{ id: string; version: number }>(M.visit, { patientId, treatmentId, timePoint: 'M3', visitDate: '2024-03-31', nrsRest: 3 });
    await refused(M.updateVisit, { id: m3.id, version: m3.version, visitDate: '2024-05-01' }, 'visitDate', 'window');
    const tp = await refused(M.updateVisit, { id: m3.id, version: m3.version, timePoint: 'M6' }, 'visitDate', 'window');
    expect(tp).toContain('outside the window of M6');
    expect(tp).toContain('it falls in the window of M3');
    const m6 = await ok<{ id: string; version: number }>(M.visit, { patientId, treatmentId, timePoint: 'M6', status: 'MISSED', visitDate: '2024-04-01' });
    await refused(M.updateVisit, { id: m6.id, version: m6.version, status: 'DONE', nrsRest: 2 }, 'visitDate', 'window');
    const moved = await ok(M.updateVisit, { id: m3.id, version: m3.version, visitDate: '2024-04-20' });
    expect(moved).toMatchObject({ visitDate: '2024-04-20', version: m3.version + 1 });
  });

  it('lets the scores of a visit recorded outside its window before the rule be corrected without moving it', async () => {
    // Written past the API, as visits were before the rule (the report migration lists them).
    const [{ id }] = await t().db.dataSource.query(
      `INSERT INTO assessment (patient_id, treatment_id, time_point, visit_date, status, nrs_rest) VALUES ($1, $2, 'M12', '2024-02-01', 'DONE', 5) RETURNING id`,
      [patientId, treatmentId],
    );
    const scored = await ok(M.updateVisit, { id, version: 1, nrsRest: 6 });
    expect(scored).toMatchObject({ nrsRest: 6, version: 2 });
    await refused(M.updateVisit, { id, version: 2, visitDate: '2024-02-02' }, 'visitDate', 'window');
    await t().db.dataSource.query(`UPDATE assessment SET withdrawn_at = now(), withdrawn_reason = 'test row' WHERE id = $1`, [id]);
  });

  it('refuses a new treatment start that would put its completed visits outside their windows, naming them', async () => {
    const [treatment] = await t().db.dataSource.query(`SELECT version FROM treatment WHERE id = $1`, [treatmentId]);
    const [m1] = await t().db.dataSource.query(`SELECT id FROM assessment WHERE treatment_id = $1 AND time_point = 'M1' AND withdrawn_at IS NULL`, [
      treatmentId,
    ]);
    // 20 days later: the M1 visit of 2024-01-17 would be on day -4.
    const message = await refused(M.updateTreatment, { id: treatmentId, version: treatment.version, startDate: '2024-01-21' }, 'startDate', 'window');
    expect(message).toContain(`M1 visit ${m1.id} of 2024-01-17`);
    expect(message).toContain('day -4');
    const [still] = await t().db.dataSource.query(`SELECT start_date::text AS d FROM treatment WHERE id = $1`, [treatmentId]);
    expect(still.d).toBe('2024-01-01');
    // One day earlier: the W1 visit on day 10 (its last) would be on day 11.
    await refused(M.updateTreatment, { id: treatmentId, version: treatment.version, startDate: '2023-12-31' }, 'startDate', 'window');
  });

  it('accepts a new treatment start that keeps every visit in its window', async () => {
    const fresh = await t().gql(`query($id: ID!) { patient(id: $id) { treatments { id version } } }`, { id: patientId }, token);
    const { version } = fresh.data!.patient.treatments[0];
    // Visits: W1 day 10, UNSCHEDULED day 12, M1 day 16, M3 day 110; none may move.
    // A start one day later: W1 day 9, M1 day 15 (outside): refused; so only a move that fits passes.
    await refused(M.updateTreatment, { id: treatmentId, version, startDate: '2024-01-02' }, 'startDate', 'window');
    // Move M1 to the middle of its window first, then the start by a day.
    const [m1] = await t().db.dataSource.query(`SELECT id, version FROM assessment WHERE treatment_id = $1 AND time_point = 'M1' AND withdrawn_at IS NULL`, [
      treatmentId,
    ]);
    await ok(M.updateVisit, { id: m1.id, version: m1.version, visitDate: '2024-01-31' });
    const moved = await ok(M.updateTreatment, { id: treatmentId, version, startDate: '2024-01-02' });
    expect(moved).toMatchObject({ startDate: '2024-01-02' });
  });
});

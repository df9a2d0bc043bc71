import { COORD_NORTH, describeEachDatabase, rowCounts } from '@vfr/api-testing';

const FIELDS = 'id version odi odiItems odiSource rmdq rmdqItems rmdqSource eq5dIndex eq5dLevels eq5dVas eq5dSource eq5dValueSet';
const M = {
  patient: `mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`,
  fracture: `mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`,
  treatment: `mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`,
  visit: `mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { ${FIELDS} } }`,
  updateVisit: `mutation($i: UpdateAssessmentInput!) { updateAssessment(input: $i) { ${FIELDS} } }`,
};

// Questionnaire items through GraphQL: stored as sent, the scores computed from them by the
// registry, refusals that name the field and the rule with nothing written.
describeEachDatabase('questionnaire items and their scores', (t) => {
  let token: string;
  let patientId: string;
  let treatmentId: string;
  let day = 0;
  const nextDate = () => `2024-02-${String(++day).padStart(2, '0')}`;
  const visit = (extra: Record<string, unknown>) => ({ patientId, treatmentId, timePoint: 'UNSCHEDULED', status: 'DONE', visitDate: nextDate(), ...extra });

  const refused = async (query: string, input: Record<string, unknown>, field: string, rule: string) => {
    const before = await rowCounts(t().db);
    const stored = await t().db.dataSource.query(`SELECT * FROM assessment ORDER BY id`);
    const r = await t().gql(query, { i: input }, token);
    expect(r.errors).toBeDefined();
    const e = r.errors![0];
    expect(e.extensions!.code).toBe('BAD_USER_INPUT');
    const fields = e.extensions!.fields ?? [{ field: e.extensions!.field, rule: e.extensions!.rule }];
    expect(fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    expect(e.message).toContain(field.split('.')[0]);
    expect(await rowCounts(t().db)).toEqual(before);
    expect(await t().db.dataSource.query(`SELECT * FROM assessment ORDER BY id`)).toEqual(stored);
    return e.message;
  };

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [site] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    patientId = (await t().gql(M.patient, { i: { siteId: site.id, sex: 'FEMALE', birthYear: 1941 } }, token)).data!.createPatient.id;
    const fractureId = (await t().gql(M.fracture, { i: { patientId, level: 'L1', onsetDate: '2024-01-01', cause: 'OSTEOPOROTIC', genantGrade: 2 } }, token))
      .data!.createFracture.id;
    const tr = await t().gql(M.treatment, { i: { patientId, kind: 'CONSERVATIVE', startDate: '2024-01-10', levels: [{ fractureId }] } }, token);
    expect(tr.errors).toBeUndefined();
    treatmentId = tr.data!.createTreatment.id;
  });

  afterEach(() => {
    delete process.env.EQ5D_VALUE_SET;
  });

  it('stores the items and computes every score from them (the England set by default)', async () => {
    const rmdqItems = Array.from({ length: 24 }, (_, i) => i < 7);
    const r = await t().gql(M.visit, { i: visit({ odiItems: [2, 1, 3, 2, 1, 2, 1, 2, 2, null], rmdqItems, eq5dLevels: [2, 3, 2, 4, 5], eq5dVas: 55 }) }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data!.createAssessment).toMatchObject({
      odi: 35.6,
      odiItems: [2, 1, 3, 2, 1, 2, 1, 2, 2, null],
      odiSource: 'ITEMS',
      rmdq: 7,
      rmdqItems,
      rmdqSource: 'ITEMS',
      eq5dIndex: 0.247,
      eq5dLevels: [2, 3, 2, 4, 5],
      eq5dVas: 55,
      eq5dSource: 'ITEMS',
      eq5dValueSet: 'ENGLAND',
    });
    const [row] = await t().db.dataSource.query(`SELECT odi, odi_items, odi_source, rmdq, eq5d_index, eq5d_value_set FROM assessment WHERE id = $1`, [
      r.data!.createAssessment.id,
    ]);
    expect(row).toEqual({
      odi: 35.6,
      odi_items: [2, 1, 3, 2, 1, 2, 1, 2, 2, null],
      odi_source: 'ITEMS',
      rmdq: 7,
      eq5d_index: 0.247,
      eq5d_value_set: 'ENGLAND',
    });
  });

  it('values the levels with the configured set (EQ5D_VALUE_SET) and stores which', async () => {
    process.env.EQ5D_VALUE_SET = 'GERMANY';
    const r = await t().gql(M.visit, { i: visit({ eq5dLevels: [1, 2, 3, 4, 5] }) }, token);
    expect(r.data!.createAssessment).toMatchObject({ eq5dIndex: 0.141, eq5dSource: 'ITEMS', eq5dValueSet: 'GERMANY' });
    process.env.EQ5D_VALUE_SET = 'US';
    const us = await t().gql(M.visit, { i: visit({ eq5dLevels: [2, 1, 3, 5, 4] }) }, token);
    expect(us.data!.createAssessment).toMatchObject({ eq5dIndex: 0.09, eq5dValueSet: 'US' });
  });

  it('never takes a total on trust: one that disagrees with its items is refused', async () => {
    expect(await refused(M.visit, visit({ odiItems: [2, 1, 3, 2, 1, 2, 1, 2, 2, null], odi: 10 }), 'odi', 'computedFromItems')).toContain('35.6');
    await refused(M.visit, visit({ rmdqItems: Array(24).fill(true), rmdq: 3 }), 'rmdq', 'computedFromItems');
    await refused(M.visit, visit({ eq5dLevels: [1, 1, 1, 1, 1], eq5dIndex: 0.5 }), 'eq5dIndex', 'computedFromItems');
    // An agreeing total is accepted (a records export imported back carries both).
    const ok = await t().gql(M.visit, { i: visit({ odiItems: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], odi: 20 }) }, token);
    expect(ok.data!.createAssessment).toMatchObject({ odi: 20, odiSource: 'ITEMS' });
  });

  it('keeps items that leave three sections unanswered but gives no ODI', async () => {
    const r = await t().gql(M.visit, { i: visit({ nrsRest: 4, odiItems: [2, null, null, null, 1, 2, 1, 2, 2, 1] }) }, token);
    expect(r.data!.createAssessment).toMatchObject({ odi: null, odiItems: [2, null, null, null, 1, 2, 1, 2, 2, 1], odiSource: 'ITEMS' });
  });

  it('takes a total alone, marked as entered without items, when an answer pattern gives it', async () => {
    const r = await t().gql(M.visit, { i: visit({ odi: 37.8, rmdq: 9, eq5dIndex: -0.2 }) }, token);
    expect(r.data!.createAssessment).toMatchObject({
      odi: 37.8,
      odiItems: null,
      odiSource: 'TOTAL',
      rmdq: 9,
      rmdqSource: 'TOTAL',
      eq5dIndex: -0.2,
      eq5dSource: 'TOTAL',
      eq5dValueSet: 'ENGLAND',
    });
  });

  it('refuses an ODI no answer pattern gives, and an index outside the set, naming the possible values', async () => {
    const odi = await refused(M.visit, visit({ odi: 37.3 }), 'odi', 'possibleValue');
    expect(odi).toContain('35.6, 36, 37.5, 37.8');
    expect(await refused(M.visit, visit({ eq5dIndex: -0.9 }), 'eq5dIndex', 'valueSetRange')).toContain('-0.285 (the minimum of the England value set');
    process.env.EQ5D_VALUE_SET = 'GERMANY';
    expect(await refused(M.visit, visit({ eq5dIndex: -0.9 }), 'eq5dIndex', 'valueSetRange')).toContain('-0.661');
    await refused(M.visit, visit({ odiItems: [6, 0, 0, 0, 0, 0, 0, 0, 0, 0] }), 'odiItems.0', 'range');
    await refused(M.visit, visit({ odiItems: [1, 1, 1] }), 'odiItems', 'minLength');
    await refused(M.visit, visit({ eq5dLevels: [1, 1, 0, 1, 1] }), 'eq5dLevels.2', 'range');
    await refused(M.visit, visit({ eq5dVas: 101 }), 'eq5dVas', 'range');
    await refused(M.visit, { ...visit({ odiItems: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }), status: 'MISSED', visitDate: null }, 'odiItems', 'consistency');
  });

  it('on update recomputes from new items, refuses a total against stored items, and leaves other scores as stored', async () => {
    const created = (await t().gql(M.visit, { i: visit({ odiItems: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], eq5dLevels: [1, 1, 1, 1, 1] }) }, token)).data!
      .createAssessment;
    const up = await t().gql(M.updateVisit, { i: { id: created.id, version: 1, odiItems: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5] } }, token);
    expect(up.errors).toBeUndefined();
    expect(up.data!.updateAssessment).toMatchObject({ version: 2, odi: 100, odiSource: 'ITEMS', eq5dIndex: 1, eq5dSource: 'ITEMS' });
    await refused(M.updateVisit, { id: created.id, version: 2, odi: 50 }, 'odi', 'computedFromItems');
    // Clearing the items lets a total be entered instead.
    const total = await t().gql(M.updateVisit, { i: { id: created.id, version: 2, odiItems: null, odi: 50 } }, token);
    expect(total.data!.updateAssessment).toMatchObject({ version: 3, odi: 50, odiItems: null, odiSource: 'TOTAL' });
  });

  it('lets a visit entered before these rules be edited without settling its old scores', async () => {
    const v = visit({});
    const [row] = await t().db.dataSource.query(
      `INSERT INTO assessment (patient_id, treatment_id, time_point, visit_date, status, odi, odi_source, eq5d_index, eq5d_source)
       VALUES ($1, $2, 'UNSCHEDULED', $3, 'DONE', 37.3, 'TOTAL', -0.9, 'TOTAL') RETURNING id`,
      [patientId, treatmentId, v.visitDate],
    );
    const up = await t().gql(M.updateVisit, { i: { id: row.id, version: 1, eq5dVas: 40 } }, token);
    expect(up.errors).toBeUndefined();
    expect(up.data!.updateAssessment).toMatchObject({ odi: 37.3, odiSource: 'TOTAL', eq5dIndex: -0.9, eq5dVas: 40, eq5dValueSet: null });
    // A change of the old score itself is held to the rule.
    await refused(M.updateVisit, { id: row.id, version: 2, odi: 37.4 }, 'odi', 'possibleValue');
  });
});

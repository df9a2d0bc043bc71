import { randomUUID } from 'node:crypto';
import { COORD_NORTH, COORD_SOUTH, describeEachDatabase, RESEARCHER, rowCounts } from '@vfr/api-testing';

const M = {
  patient: `mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`,
  fracture: `mutation($i: CreateFractureInput!) { createFracture(input: $i) { id version level genantGrade } }`,
  updateFracture: `mutation($i: UpdateFractureInput!) { updateFracture(input: $i) { id version genantGrade } }`,
  withdrawFracture: `mutation($i: WithdrawInput!) { withdrawFracture(input: $i) { id withdrawnAt } }`,
  treatment: `mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id version kind startDate levels { fractureId cementVolumeMl } } }`,
  updateTreatment: `mutation($i: UpdateTreatmentInput!) { updateTreatment(input: $i) { id version kind levels { cementVolumeMl } lengthOfStayDays } }`,
  visit: `mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id version timePoint nrsRest odi status } }`,
  updateVisit: `mutation($i: UpdateAssessmentInput!) { updateAssessment(input: $i) { id version nrsRest status } }`,
  withdrawVisit: `mutation($i: WithdrawInput!) { withdrawAssessment(input: $i) { id withdrawnReason } }`,
  complication: `mutation($i: CreateComplicationInput!) { createComplication(input: $i) { id version kind leakageType symptomatic } }`,
  updateComplication: `mutation($i: UpdateComplicationInput!) { updateComplication(input: $i) { id version resolved } }`,
};

describeEachDatabase('fractures, treatments, visits and complications through GraphQL', (t) => {
  let token: string;
  let siteId: string;

  const expectFieldError = async (query: string, input: Record<string, unknown>, field: string, rule?: string) => {
    const before = await rowCounts(t().db);
    const r = await t().gql(query, { i: input }, token);
    expect(r.errors).toBeDefined();
    const e = r.errors![0];
    expect(e.extensions!.code).toBe('BAD_USER_INPUT');
    const fields = e.extensions!.fields ?? [{ field: e.extensions!.field }];
    expect(fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, ...(rule ? { rule } : {}) })]));
    expect(e.message).toContain(field.split('.').pop());
    expect(JSON.stringify(r.errors)).not.toMatch(/INSERT|UPDATE "|SELECT|\.ts:\d+|node_modules|QueryFailedError/);
    expect(await rowCounts(t().db)).toEqual(before);
    return e;
  };

  /** The data a write returned, failing the test with the server's errors if it was refused. */
  const write = async <K extends string>(query: string, input: Record<string, unknown>, key: K) => {
    const r = await t().gql(query, { i: input }, token);
    expect(r.errors).toBeUndefined();
    return r.data![key] as { id: string; version: number };
  };

  // Each test records its own patient, so that any of them can run alone and none sees another's records.
  const newPatient = async () => (await write(M.patient, { siteId, sex: 'FEMALE', birthYear: 1944 }, 'createPatient')).id;
  const newFracture = async (patientId: string) =>
    (await write(M.fracture, { patientId, level: 'L1', onsetDate: '2024-03-01', cause: 'OSTEOPOROTIC', genantGrade: 2 }, 'createFracture')).id;
  /** A patient with an L1 fracture treated by vertebroplasty on 2024-03-20 (version 1, 4.5 ml of cement). */
  const treatedPatient = async () => {
    const patientId = await newPatient();
    const fractureId = await newFracture(patientId);
    const treatment = await write(
      M.treatment,
      {
        patientId,
        kind: 'VERTEBROPLASTY',
        startDate: '2024-03-20',
        anaesthesia: 'LOCAL',
        approach: 'BIPEDICULAR',
        sameDayDischarge: true,
        lengthOfStayDays: 0,
        levels: [{ fractureId, cementType: 'PMMA', cementVolumeMl: 4.5 }],
      },
      'createTreatment',
    );
    return { patientId, fractureId, treatmentId: treatment.id };
  };

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
  });

  it('records a fracture and refuses a level "X9", a Genant grade of 4 and a future onset', async () => {
    const patientId = await newPatient();
    const r = await t().gql(M.fracture, { i: { patientId, level: 'L1', onsetDate: '2024-03-01', cause: 'OSTEOPOROTIC', genantGrade: 2 } }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data!.createFracture).toMatchObject({ level: 'L1', genantGrade: 2, version: 1 });
    const level = await t().gql(M.fracture, { i: { patientId, level: 'X9', onsetDate: '2024-03-01', cause: 'OSTEOPOROTIC', genantGrade: 2 } }, token);
    expect(level.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'level' });
    expect(level.errors![0].message).toMatch(/X9/);
    await expectFieldError(M.fracture, { patientId, level: 'L2', onsetDate: '2024-03-01', cause: 'OSTEOPOROTIC', genantGrade: 4 }, 'genantGrade', 'range');
    await expectFieldError(M.fracture, { patientId, level: 'L2', onsetDate: '2999-01-01', cause: 'OSTEOPOROTIC', genantGrade: 1 }, 'onsetDate', 'notFuture');
    await expectFieldError(M.fracture, { patientId, level: 'L2', onsetDate: '24-3-1', cause: 'OSTEOPOROTIC', genantGrade: 1 }, 'onsetDate', 'date');
  });

  it('updates and withdraws a fracture with versions', async () => {
    const patientId = await newPatient();
    const extra = await t().gql(M.fracture, { i: { patientId, level: 'T12', onsetDate: '2024-03-01', cause: 'OSTEOPOROTIC', genantGrade: 1 } }, token);
    const id = extra.data!.createFracture.id;
    const up = await t().gql(M.updateFracture, { i: { id, version: 1, genantGrade: 3 } }, token);
    expect(up.data!.updateFracture).toMatchObject({ version: 2, genantGrade: 3 });
    const stale = await t().gql(M.withdrawFracture, { i: { id, version: 1, reason: 'entered twice' } }, token);
    expect(stale.errors![0].extensions!.code).toBe('STALE_VERSION');
    const wd = await t().gql(M.withdrawFracture, { i: { id, version: 2, reason: 'entered twice' } }, token);
    expect(wd.data!.withdrawFracture.withdrawnAt).toBeTruthy();
  });

  it('records a vertebroplasty with cement per level, and refuses inconsistent procedures', async () => {
    const patientId = await newPatient();
    const fractureId = await newFracture(patientId);
    const r = await t().gql(
      M.treatment,
      {
        i: {
          patientId,
          kind: 'VERTEBROPLASTY',
          startDate: '2024-03-20',
          anaesthesia: 'LOCAL',
          approach: 'BIPEDICULAR',
          sameDayDischarge: true,
          lengthOfStayDays: 0,
          levels: [{ fractureId, cementType: 'PMMA', cementVolumeMl: 4.5 }],
        },
      },
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createTreatment).toMatchObject({ kind: 'VERTEBROPLASTY', startDate: '2024-03-20', levels: [{ fractureId, cementVolumeMl: 4.5 }] });
    const base = { patientId, kind: 'VERTEBROPLASTY', startDate: '2024-03-20', anaesthesia: 'LOCAL', approach: 'BIPEDICULAR' };
    await expectFieldError(M.treatment, { ...base, levels: [{ fractureId, cementVolumeMl: 0 }] }, 'levels.0.cementVolumeMl', 'range');
    await expectFieldError(M.treatment, { ...base, anaesthesia: null, levels: [{ fractureId, cementVolumeMl: 3 }] }, 'anaesthesia', 'required');
    await expectFieldError(M.treatment, { ...base, kind: 'CONSERVATIVE', levels: [{ fractureId }] }, 'anaesthesia', 'consistency');
    await expectFieldError(M.treatment, { ...base, levels: [] }, 'levels', 'minLength');
    await expectFieldError(
      M.treatment,
      { ...base, levels: [{ fractureId: '00000000-0000-4000-8000-000000000000', cementVolumeMl: 3 }] },
      'levels.0.fractureId',
      'exists',
    );
    await expectFieldError(M.treatment, { ...base, sameDayDischarge: false, levels: [{ fractureId, cementVolumeMl: 3 }] }, 'lengthOfStayDays', 'required');
  });

  it('updates a treatment validating the merged record, and replaces its levels', async () => {
    const { fractureId, treatmentId } = await treatedPatient();
    const bad = await t().gql(M.updateTreatment, { i: { id: treatmentId, version: 1, kind: 'CONSERVATIVE' } }, token);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const ok = await t().gql(
      M.updateTreatment,
      { i: { id: treatmentId, version: 1, levels: [{ fractureId, cementType: 'PMMA', cementVolumeMl: 5.5 }] } },
      token,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateTreatment.levels).toEqual([{ cementVolumeMl: 5.5 }]);
  });

  it('records follow-up visits and refuses an NRS of 11, a visit before the treatment and a second M1', async () => {
    const { patientId, treatmentId } = await treatedPatient();
    const baseline = await t().gql(
      M.visit,
      { i: { patientId, treatmentId, timePoint: 'BASELINE', visitDate: '2024-03-19', nrsRest: 8, nrsActivity: 9, odi: 62 } },
      token,
    );
    expect(baseline.errors).toBeUndefined();
    const m1 = await t().gql(M.visit, { i: { patientId, treatmentId, timePoint: 'M1', visitDate: '2024-04-19', nrsRest: 3, odi: 32.5 } }, token);
    expect(m1.data!.createAssessment).toMatchObject({ timePoint: 'M1', nrsRest: 3, odi: 32.5, status: 'DONE', version: 1 });
    const input = { patientId, treatmentId, timePoint: 'M3', visitDate: '2024-06-19' };
    await expectFieldError(M.visit, { ...input, nrsRest: 11 }, 'nrsRest', 'range');
    await expectFieldError(M.visit, { ...input, odi: 100.5 }, 'odi', 'range');
    await expectFieldError(M.visit, { ...input, visitDate: '2024-03-01', nrsRest: 2 }, 'visitDate', 'window');
    await expectFieldError(M.visit, { ...input, timePoint: 'UNSCHEDULED', visitDate: '2024-03-01', nrsRest: 2 }, 'visitDate', 'notBeforeTreatment');
    await expectFieldError(M.visit, { ...input, visitDate: '2024-06-31', nrsRest: 2 }, 'visitDate', 'date');
    await expectFieldError(M.visit, { ...input, timePoint: 'M1', visitDate: '2024-04-25', nrsRest: 2 }, 'timePoint', 'unique');
    await expectFieldError(M.visit, { ...input, status: 'MISSED', visitDate: null, nrsRest: 2 }, 'nrsRest', 'consistency');
    await expectFieldError(M.visit, { ...input, nrsRest: null }, 'nrsRest', 'required');
    const wrongType = await t().gql(M.visit, { i: { ...input, nrsRest: 7.5 } }, token);
    expect(wrongType.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nrsRest' });
  });

  it('updates and withdraws a visit; a stale version is refused', async () => {
    const { patientId, treatmentId } = await treatedPatient();
    const v = await t().gql(M.visit, { i: { patientId, treatmentId, timePoint: 'M6', status: 'MISSED' } }, token);
    const id = v.data!.createAssessment.id;
    const done = await t().gql(M.updateVisit, { i: { id, version: 1, status: 'DONE', visitDate: '2024-09-20', nrsRest: 2 } }, token);
    expect(done.data!.updateAssessment).toMatchObject({ version: 2, status: 'DONE', nrsRest: 2 });
    const stale = await t().gql(M.updateVisit, { i: { id, version: 1, nrsRest: 3 } }, token);
    expect(stale.errors![0].extensions!.code).toBe('STALE_VERSION');
    const wd = await t().gql(M.withdrawVisit, { i: { id, version: 2, reason: 'wrong patient' } }, token);
    expect(wd.data!.withdrawAssessment.withdrawnReason).toBe('wrong patient');
    const [row] = await t().db.dataSource.query(`SELECT withdrawn_at FROM assessment WHERE id = $1`, [id]);
    expect(row.withdrawn_at).not.toBeNull();
  });

  it('records a visit once when its create is sent again with the same request id', async () => {
    const { patientId, treatmentId } = await treatedPatient();
    const requestId = '6f1c2b1e-8a43-4c1b-9d2e-0a7b5c3d9e11';
    const input = { patientId, treatmentId, timePoint: 'UNSCHEDULED', visitDate: '2024-04-10', nrsRest: 2, requestId };
    const before = await rowCounts(t().db);
    const first = await t().gql(M.visit, { i: input }, token);
    expect(first.errors).toBeUndefined();
    // The answer was lost; the client sends the very same request again.
    const again = await t().gql(M.visit, { i: input }, token);
    expect(again.errors).toBeUndefined();
    expect(again.data!.createAssessment.id).toBe(first.data!.createAssessment.id);
    const after = await rowCounts(t().db);
    expect(after.assessment).toBe(before.assessment + 1);
    expect(after.audit_event).toBe(before.audit_event + 1);
    // The same id with other values is refused, and nothing is overwritten.
    const changed = await expectFieldError(M.visit, { ...input, nrsRest: 5 }, 'requestId', 'unique');
    expect(changed.message).toMatch(/another nrsRest/);
    await expectFieldError(M.visit, { ...input, requestId: 'retry-1' }, 'requestId', 'format');
    const [stored] = await t().db.dataSource.query(`SELECT nrs_rest FROM assessment WHERE request_id = $1`, [requestId]);
    expect(stored.nrs_rest).toBe(2);
    const withdrawn = await t().gql(
      M.withdrawVisit,
      { i: { id: first.data!.createAssessment.id, version: first.data!.createAssessment.version, reason: 'test visit' } },
      token,
    );
    expect(withdrawn.errors).toBeUndefined();
  });

  it('records complications with the rules of their kind', async () => {
    const { patientId, treatmentId } = await treatedPatient();
    const ok = await t().gql(
      M.complication,
      { i: { patientId, treatmentId, occurredOn: '2024-03-20', kind: 'CEMENT_LEAKAGE', symptomatic: false, leakageType: 'S' } },
      token,
    );
    expect(ok.data!.createComplication).toMatchObject({ kind: 'CEMENT_LEAKAGE', leakageType: 'S', symptomatic: false });
    const base = { patientId, treatmentId, occurredOn: '2024-04-01' };
    await expectFieldError(M.complication, { ...base, kind: 'CEMENT_LEAKAGE' }, 'leakageType', 'required');
    await expectFieldError(M.complication, { ...base, kind: 'INFECTION', leakageType: 'B' }, 'leakageType', 'consistency');
    await expectFieldError(M.complication, { ...base, kind: 'DEATH', clavienDindo: 'V' }, 'kind', 'deathIsNotAComplication');
    await expectFieldError(M.complication, { ...base, occurredOn: '2024-01-01', kind: 'INFECTION' }, 'occurredOn', 'notBeforeTreatment');
    const up = await t().gql(M.updateComplication, { i: { id: ok.data!.createComplication.id, version: 1, resolved: true } }, token);
    expect(up.data!.updateComplication).toMatchObject({ version: 2, resolved: true });
  });

  it('refuses another site coordinator and a researcher on every write', async () => {
    const { patientId, treatmentId } = await treatedPatient();
    const south = await t().login(COORD_SOUTH);
    const researcher = await t().login(RESEARCHER);
    const before = await rowCounts(t().db);
    const visit = { i: { patientId, treatmentId, timePoint: 'M12', visitDate: '2025-03-20', nrsRest: 1 } };
    const other = await t().gql(M.visit, visit, south);
    expect(other.errors![0].extensions!.code).toBe('NOT_FOUND');
    const denied = await t().gql(M.visit, visit, researcher);
    expect(denied.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('shows the patient with everything recorded, withdrawn records left out, and every write in the audit trail', async () => {
    const { patientId, treatmentId } = await treatedPatient();
    // A fracture entered twice, withdrawn.
    const twice = await write(M.fracture, { patientId, level: 'T12', onsetDate: '2024-03-01', cause: 'OSTEOPOROTIC', genantGrade: 1 }, 'createFracture');
    await write(M.withdrawFracture, { id: twice.id, version: twice.version, reason: 'entered twice' }, 'withdrawFracture');
    await write(M.visit, { patientId, treatmentId, timePoint: 'BASELINE', visitDate: '2024-03-19', nrsRest: 8, nrsActivity: 9, odi: 62 }, 'createAssessment');
    await write(M.visit, { patientId, treatmentId, timePoint: 'M1', visitDate: '2024-04-19', nrsRest: 3, odi: 32.5 }, 'createAssessment');
    // An M6 visit created as missed, then done, then withdrawn.
    const m6 = await write(M.visit, { patientId, treatmentId, timePoint: 'M6', status: 'MISSED' }, 'createAssessment');
    const m6Done = await write(M.updateVisit, { id: m6.id, version: m6.version, status: 'DONE', visitDate: '2024-09-20', nrsRest: 2 }, 'updateAssessment');
    await write(M.withdrawVisit, { id: m6.id, version: m6Done.version, reason: 'wrong patient' }, 'withdrawAssessment');
    // An unscheduled visit whose create is sent twice with one request id, then withdrawn.
    const retried = { patientId, treatmentId, timePoint: 'UNSCHEDULED', visitDate: '2024-04-10', nrsRest: 2, requestId: randomUUID() };
    const unscheduled = await write(M.visit, retried, 'createAssessment');
    await write(M.visit, retried, 'createAssessment');
    await write(M.withdrawVisit, { id: unscheduled.id, version: unscheduled.version, reason: 'test visit' }, 'withdrawAssessment');
    await write(
      M.complication,
      { patientId, treatmentId, occurredOn: '2024-03-20', kind: 'CEMENT_LEAKAGE', symptomatic: false, leakageType: 'S' },
      'createComplication',
    );

    const r = await t().gql(
      `query($id: ID!) { patient(id: $id) { fractures { level } treatments { kind } assessments { timePoint } complications { kind } latestAssessment { timePoint } } }`,
      { id: patientId },
      token,
    );
    expect(r.data!.patient).toMatchObject({
      fractures: [{ level: 'L1' }],
      treatments: [{ kind: 'VERTEBROPLASTY' }],
      assessments: [{ timePoint: 'BASELINE' }, { timePoint: 'M1' }],
      complications: [{ kind: 'CEMENT_LEAKAGE' }],
      latestAssessment: { timePoint: 'M1' },
    });
    const [{ n }] = await t().db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event e JOIN assessment a ON e.entity_id = a.id::text
        WHERE e.entity_type = 'Assessment' AND e.actor_email = $1 AND a.patient_id = $2`,
      [COORD_NORTH, patientId],
    );
    // BASELINE and M1 created (2), the M6 visit created, updated and withdrawn (3), the unscheduled
    // visit sent twice but created once, then withdrawn (2).
    expect(n).toBe(7);
  });
});

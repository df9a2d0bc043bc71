import { ADMIN, COORD_NORTH, COORD_SOUTH, describeEachDatabase, HEAD_NORTH, RESEARCHER, rowCounts } from '@vfr/api-testing';

const M = {
  patient: `mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }`,
  fracture: `mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }`,
  treatment: `mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }`,
  visit: `mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id version } }`,
  updateVisit: `mutation($i: UpdateAssessmentInput!) { updateAssessment(input: $i) { id version visitDate } }`,
  complication: `mutation($i: CreateComplicationInput!) { createComplication(input: $i) { id version kind } }`,
  updateComplication: `mutation($i: UpdateComplicationInput!) { updateComplication(input: $i) { id kind } }`,
  record: `mutation($i: RecordDeathInput!) { recordDeath(input: $i) { id version patientId diedOn diedDay cause source notes } }`,
  update: `mutation($i: UpdateDeathInput!) { updateDeath(input: $i) { id version diedOn cause } }`,
  withdraw: `mutation($i: WithdrawInput!) { withdrawDeath(input: $i) { id withdrawn withdrawnReason } }`,
};
const PATIENT_DEATH = `query($id: ID!) { patient(id: $id) { id death { id diedOn diedDay cause source notes createdAt } } }`;

describeEachDatabase('deaths through GraphQL', (t) => {
  let token: string;
  let northSite: string;

  /** A patient of the north site treated on 2024-03-20, with a completed M1 visit on 2024-04-19. */
  const treatedPatient = async () => {
    const patientId = (await t().gql(M.patient, { i: { siteId: northSite, sex: 'FEMALE', birthYear: 1940 } }, token)).data!.createPatient.id;
    const fractureId = (await t().gql(M.fracture, { i: { patientId, level: 'L1', onsetDate: '2024-03-01', cause: 'OSTEOPOROTIC', genantGrade: 2 } }, token))
      .data!.createFracture.id;
    const treatmentId = (await t().gql(M.treatment, { i: { patientId, kind: 'CONSERVATIVE', startDate: '2024-03-20', levels: [{ fractureId }] } }, token)).data!
      .createTreatment.id;
    const visit = await t().gql(M.visit, { i: { patientId, treatmentId, timePoint: 'M1', visitDate: '2024-04-19', nrsRest: 4 } }, token);
    expect(visit.errors).toBeUndefined();
    return { patientId, treatmentId, visitId: visit.data!.createAssessment.id as string };
  };

  const expectRefused = async (query: string, input: Record<string, unknown>, field: string, rule: string, as = token) => {
    const before = await rowCounts(t().db);
    const r = await t().gql(query, { i: input }, as);
    expect(r.errors).toBeDefined();
    const e = r.errors![0];
    expect(e.extensions!.code).toBe('BAD_USER_INPUT');
    const fields = e.extensions!.fields ?? [{ field: e.extensions!.field, rule: e.extensions!.rule }];
    expect(fields).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    expect(await rowCounts(t().db)).toEqual(before);
    return e;
  };

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    [{ id: northSite }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
  });

  it('records a death, shows it on the patient, and refuses a second one with a clear message', async () => {
    const { patientId } = await treatedPatient();
    const r = await t().gql(
      M.record,
      { i: { patientId, diedOn: '2024-05-02', cause: 'CARDIOVASCULAR', source: 'HOSPITAL_RECORD', notes: 'in hospital' } },
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordDeath).toMatchObject({
      patientId,
      diedOn: '2024-05-02',
      diedDay: 43,
      cause: 'CARDIOVASCULAR',
      source: 'HOSPITAL_RECORD',
      notes: 'in hospital',
      version: 1,
    });
    const p = await t().gql(PATIENT_DEATH, { id: patientId }, token);
    expect(p.data!.patient.death).toMatchObject({ id: r.data!.recordDeath.id, diedOn: '2024-05-02' });
    const [event] = await t().db.dataSource.query(`SELECT action, site_id FROM audit_event WHERE entity_type = 'Death' AND entity_id = $1`, [
      r.data!.recordDeath.id,
    ]);
    expect(event).toEqual({ action: 'CREATE', site_id: northSite });
    const second = await expectRefused(M.record, { patientId, diedOn: '2024-05-03', cause: 'UNKNOWN', source: 'FAMILY' }, 'patientId', 'oneDeath');
    expect(second.message).toMatch(/already has a death recorded \(died on 2024-05-02\)/);
  });

  it('is null on a patient who is alive', async () => {
    const { patientId } = await treatedPatient();
    const p = await t().gql(PATIENT_DEATH, { id: patientId }, token);
    expect(p.errors).toBeUndefined();
    expect(p.data!.patient.death).toBeNull();
  });

  it('refuses a future date, a date before the first treatment and a death before a completed visit, naming that visit; nothing is written', async () => {
    const { patientId } = await treatedPatient();
    const base = { patientId, cause: 'UNKNOWN', source: 'OTHER' };
    await expectRefused(M.record, { ...base, diedOn: '2999-01-01' }, 'diedOn', 'notFuture');
    await expectRefused(M.record, { ...base, diedOn: '2024-02-30' }, 'diedOn', 'date');
    const early = await expectRefused(M.record, { ...base, diedOn: '2024-03-01' }, 'diedOn', 'notBeforeTreatment');
    expect(early.message).toMatch(/2024-03-20/);
    const beforeVisit = await expectRefused(M.record, { ...base, diedOn: '2024-04-10' }, 'diedOn', 'notBeforeVisit');
    expect(beforeVisit.message).toMatch(/M1 visit on 2024-04-19/);
    // An unknown cause is refused by GraphQL itself, before the service runs.
    const before = await rowCounts(t().db);
    const cause = await t().gql(M.record, { i: { ...base, diedOn: '2024-05-01', cause: 'BROKEN_HEART' } }, token);
    expect(cause.errors![0].message).toMatch(/cause/);
    expect(await rowCounts(t().db)).toEqual(before);
    // On the day of the visit is possible.
    const sameDay = await t().gql(M.record, { i: { ...base, diedOn: '2024-04-19' } }, token);
    expect(sameDay.errors).toBeUndefined();
  });

  it('refuses a completed visit dated after the death, on create and on update', async () => {
    const { patientId, treatmentId, visitId } = await treatedPatient();
    expect((await t().gql(M.record, { i: { patientId, diedOn: '2024-06-01', cause: 'CANCER', source: 'DEATH_REGISTRY' } }, token)).errors).toBeUndefined();
    const late = await expectRefused(M.visit, { patientId, treatmentId, timePoint: 'M3', visitDate: '2024-06-20', nrsRest: 3 }, 'visitDate', 'notAfterDeath');
    expect(late.message).toMatch(/after the patient's death \(2024-06-01\)/);
    await expectRefused(M.updateVisit, { id: visitId, version: 1, timePoint: 'M3', visitDate: '2024-06-02' }, 'visitDate', 'notAfterDeath');
    // A missed visit after the death is no contradiction; a completed one before it is fine.
    expect((await t().gql(M.visit, { i: { patientId, treatmentId, timePoint: 'M6', status: 'MISSED' } }, token)).errors).toBeUndefined();
    expect((await t().gql(M.visit, { i: { patientId, treatmentId, timePoint: 'W1', visitDate: '2024-03-27', nrsRest: 6 } }, token)).errors).toBeUndefined();
  });

  it('updates the death with a version, checking the new date; withdraws it with a reason, after which another may be recorded', async () => {
    const { patientId } = await treatedPatient();
    const d = (await t().gql(M.record, { i: { patientId, diedOn: '2024-05-10', cause: 'UNKNOWN', source: 'FAMILY' } }, token)).data!.recordDeath;
    await expectRefused(M.update, { id: d.id, version: 1, diedOn: '2024-04-01' }, 'diedOn', 'notBeforeVisit');
    const up = await t().gql(M.update, { i: { id: d.id, version: 1, cause: 'RESPIRATORY' } }, token);
    expect(up.data!.updateDeath).toMatchObject({ version: 2, cause: 'RESPIRATORY', diedOn: '2024-05-10' });
    const stale = await t().gql(M.update, { i: { id: d.id, version: 1, cause: 'OTHER' } }, token);
    expect(stale.errors![0].extensions!.code).toBe('STALE_VERSION');
    const noReason = await t().gql(M.withdraw, { i: { id: d.id, version: 2, reason: ' ' } }, token);
    expect(noReason.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const wd = await t().gql(M.withdraw, { i: { id: d.id, version: 2, reason: 'wrong patient' } }, token);
    expect(wd.data!.withdrawDeath).toMatchObject({ withdrawn: true, withdrawnReason: 'wrong patient' });
    expect((await t().gql(PATIENT_DEATH, { id: patientId }, token)).data!.patient.death).toBeNull();
    expect((await t().gql(M.record, { i: { patientId, diedOn: '2024-05-11', cause: 'UNKNOWN', source: 'FAMILY' } }, token)).errors).toBeUndefined();
  });

  it('records a death once when the create is sent again with the same request id', async () => {
    const { patientId } = await treatedPatient();
    const input = { patientId, diedOn: '2024-05-05', cause: 'INFECTION', source: 'GENERAL_PRACTITIONER', requestId: '3b7d8a0e-5c2f-4e1a-9b6d-7f0e1c2a3b4d' };
    const first = await t().gql(M.record, { i: input }, token);
    const again = await t().gql(M.record, { i: input }, token);
    expect(again.data!.recordDeath.id).toBe(first.data!.recordDeath.id);
    await expectRefused(M.record, { ...input, cause: 'OTHER' }, 'requestId', 'unique');
  });

  it('keeps deaths to the coordinator’s site, and gives researchers days instead of dates and no notes', async () => {
    const { patientId } = await treatedPatient();
    const d = (await t().gql(M.record, { i: { patientId, diedOn: '2024-05-02', cause: 'CANCER', source: 'FAMILY', notes: 'told by the daughter' } }, token))
      .data!.recordDeath;
    await t().db.dataSource.query(`UPDATE patient SET consent_status = 'GIVEN' WHERE id = $1`, [patientId]);
    const south = await t().login(COORD_SOUTH);
    const other = await t().gql(M.record, { i: { patientId, diedOn: '2024-05-02', cause: 'CANCER', source: 'FAMILY' } }, south);
    expect(other.errors![0].extensions!.code).toBe('NOT_FOUND');
    const otherUpdate = await t().gql(M.update, { i: { id: d.id, version: 1, cause: 'OTHER' } }, south);
    expect(otherUpdate.errors![0].extensions!.code).toBe('NOT_FOUND');
    const otherRead = await t().gql(`query($id: ID!) { death(id: $id) { id } }`, { id: d.id }, south);
    expect(otherRead.errors![0].extensions!.code).toBe('NOT_FOUND');

    const researcher = await t().login(RESEARCHER);
    const seen = await t().gql(PATIENT_DEATH, { id: patientId }, researcher);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.patient.death).toMatchObject({ diedOn: null, diedDay: 43, cause: 'CANCER', notes: null, createdAt: null });
    const write = await t().gql(M.record, { i: { patientId, diedOn: '2024-05-02', cause: 'CANCER', source: 'FAMILY' } }, researcher);
    expect(write.errors![0].extensions!.code).toBe('FORBIDDEN');
    const head = await t().gql(`query($id: ID!) { death(id: $id) { id } }`, { id: d.id }, await t().login(HEAD_NORTH));
    expect(head.errors![0].extensions!.code).toBe('FORBIDDEN');
    const admin = await t().gql(PATIENT_DEATH, { id: patientId }, await t().login(ADMIN));
    expect(admin.data!.patient.death).toMatchObject({ diedOn: '2024-05-02', notes: 'told by the daughter' });
  });

  it('refuses a new complication of kind DEATH, and an edit that makes one, saying to record a death instead', async () => {
    const { patientId, treatmentId } = await treatedPatient();
    const e = await expectRefused(
      M.complication,
      { patientId, treatmentId, occurredOn: '2024-05-01', kind: 'DEATH', clavienDindo: 'V' },
      'kind',
      'deathIsNotAComplication',
    );
    expect(e.message).toMatch(/record the death/);
    const c = (await t().gql(M.complication, { i: { patientId, treatmentId, occurredOn: '2024-04-01', kind: 'HAEMATOMA' } }, token)).data!.createComplication;
    await expectRefused(M.updateComplication, { id: c.id, version: c.version, kind: 'DEATH' }, 'kind', 'deathIsNotAComplication');
  });
});

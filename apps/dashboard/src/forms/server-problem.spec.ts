import { COORD_NORTH, describeEachDatabase } from '@vfr/api-testing';
import { ASSESSMENT_LABELS } from '../patients/assessment.form-model';
import { FRACTURE_LABELS } from '../patients/fracture.form-model';
import { PATIENT_LABELS } from '../patients/patient.form-model';
import { serverProblem } from './server-problem';

// The forms read what the real API answers: these errors come from the running app, not from
// hand-written fixtures, so a change in the error mapper's shape breaks this test.
describeEachDatabase("the forms read the API's real errors", (t) => {
  let token: string;
  let siteId: string;
  let patientId: string;

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    const r = await t().gql<{ createPatient: { id: string; registryNumber: string } }>(
      'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id registryNumber } }',
      { i: { siteId, sex: 'MALE', birthYear: 1950 } },
      token,
    );
    patientId = r.data!.createPatient.id;
  });

  it("places a visit dated outside its time point's window beside the visit date", async () => {
    const fracture = await t().gql<{ createFracture: { id: string } }>(
      'mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }',
      { i: { patientId, level: 'L2', onsetDate: '2025-01-02', cause: 'OSTEOPOROTIC', genantGrade: 2 } },
      token,
    );
    const treatment = await t().gql<{ createTreatment: { id: string } }>(
      'mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }',
      { i: { patientId, kind: 'CONSERVATIVE', startDate: '2025-02-01', levels: [{ fractureId: fracture.data!.createFracture.id }] } },
      token,
    );
    const visit = await t().gql(
      'mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }',
      { i: { patientId, treatmentId: treatment.data!.createTreatment.id, timePoint: 'M1', visitDate: '2025-01-15', nrsRest: 4 } },
      token,
    );
    const problem = serverProblem(visit, ASSESSMENT_LABELS);
    expect(problem.code).toBe('BAD_USER_INPUT');
    expect(problem.sentence).toBe('Nothing was saved: one field needs correcting.');
    expect(Object.keys(problem.fields)).toEqual(['visitDate']);
    expect(problem.fields.visitDate).toBe(
      'Visit date 2025-01-15 is day -17 from the start of the treatment (2025-02-01), outside the window of M1, days 16 to 44 (2025-02-17 to 2025-03-17); ' +
        'it falls in the window of BASELINE',
    );
  });

  it('places a registry number already in use beside the registry number', async () => {
    const [{ registry_number: taken }] = await t().db.dataSource.query(`SELECT registry_number FROM patient WHERE id = $1`, [patientId]);
    const r = await t().gql(
      'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }',
      { i: { siteId, registryNumber: taken, sex: 'MALE', birthYear: 1950 } },
      token,
    );
    const problem = serverProblem(r, PATIENT_LABELS);
    expect(problem.code).toBe('CONFLICT');
    expect(problem.fields).toEqual({ registryNumber: 'Registry number is already used by another record' });
  });

  it('explains an edit of a version someone else replaced as a sentence, with no field blamed', async () => {
    const created = await t().gql<{ createFracture: { id: string } }>(
      'mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }',
      { i: { patientId, level: 'T12', onsetDate: '2025-01-02', cause: 'OSTEOPOROTIC', genantGrade: 1 } },
      token,
    );
    const update = 'mutation($i: UpdateFractureInput!) { updateFracture(input: $i) { version } }';
    const id = created.data!.createFracture.id;
    expect((await t().gql(update, { i: { id, version: 1, genantGrade: 2 } }, token)).errors).toBeUndefined();
    const stale = serverProblem(await t().gql(update, { i: { id, version: 1, genantGrade: 3 } }, token), FRACTURE_LABELS);
    expect(stale).toMatchObject({ code: 'STALE_VERSION', stale: true, fields: {} });
    expect(stale.sentence).toBe(
      'Someone else saved this record after you opened it, so your change was not saved. Reload to see their version, then make your change again.',
    );
  });
});

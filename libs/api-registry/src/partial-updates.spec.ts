import { COORD_NORTH, describeEachDatabase } from '@vfr/api-testing';

// An update changes only the fields it sends: the create inputs' defaults (consent PENDING,
// flags false, a visit DONE, a complication unresolved) must not fill in the fields left out.
describeEachDatabase('updates leave the fields they do not send unchanged', (t) => {
  let token: string;
  let patientId: string;

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    const r = await t().gql(
      'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }',
      { i: { siteId, sex: 'FEMALE', birthYear: 1940, consentStatus: 'GIVEN', steroidUse: true, activeCancer: true } },
      token,
    );
    patientId = r.data!.createPatient.id;
  });

  it("keeps a patient's consent and flags when only the BMI changes", async () => {
    const r = await t().gql(
      'mutation($i: UpdatePatientInput!) { updatePatient(input: $i) { version bmi consentStatus steroidUse activeCancer } }',
      { i: { id: patientId, version: 1, bmi: 23.5 } },
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.updatePatient).toEqual({ version: 2, bmi: 23.5, consentStatus: 'GIVEN', steroidUse: true, activeCancer: true });
  });

  it("keeps a fracture's flags, a visit's status and a complication's resolution", async () => {
    const fracture = (
      await t().gql(
        'mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }',
        { i: { patientId, level: 'T9', onsetDate: '2025-01-02', cause: 'OSTEOPOROTIC', genantGrade: 1, posteriorWallInvolved: true } },
        token,
      )
    ).data!.createFracture.id;
    const f = await t().gql(
      'mutation($i: UpdateFractureInput!) { updateFracture(input: $i) { genantGrade posteriorWallInvolved } }',
      { i: { id: fracture, version: 1, genantGrade: 2 } },
      token,
    );
    expect(f.data!.updateFracture).toEqual({ genantGrade: 2, posteriorWallInvolved: true });

    const treatment = (
      await t().gql(
        'mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }',
        { i: { patientId, kind: 'CONSERVATIVE', startDate: '2025-01-10', levels: [{ fractureId: fracture }] } },
        token,
      )
    ).data!.createTreatment.id;
    const visit = (
      await t().gql(
        'mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id } }',
        { i: { patientId, treatmentId: treatment, timePoint: 'M3', status: 'MISSED' } },
        token,
      )
    ).data!.createAssessment.id;
    const v = await t().gql(
      'mutation($i: UpdateAssessmentInput!) { updateAssessment(input: $i) { status timePoint } }',
      { i: { id: visit, version: 1, timePoint: 'M6' } },
      token,
    );
    expect(v.errors).toBeUndefined();
    expect(v.data!.updateAssessment).toEqual({ status: 'MISSED', timePoint: 'M6' });

    const complication = (
      await t().gql(
        'mutation($i: CreateComplicationInput!) { createComplication(input: $i) { id } }',
        { i: { patientId, treatmentId: treatment, occurredOn: '2025-01-20', kind: 'INFECTION', resolved: true } },
        token,
      )
    ).data!.createComplication.id;
    const c = await t().gql(
      'mutation($i: UpdateComplicationInput!) { updateComplication(input: $i) { resolved clavienDindo } }',
      { i: { id: complication, version: 1, clavienDindo: 'II' } },
      token,
    );
    expect(c.data!.updateComplication).toEqual({ resolved: true, clavienDindo: 'II' });
  });
});

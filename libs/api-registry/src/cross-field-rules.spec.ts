import { COORD_NORTH, describeEachDatabase, rowCounts } from '@vfr/api-testing';

// The cross-field rules (libs/domain's cross-field.rules.ts) through the API: a create breaking
// one is refused with every field it relates named, and an update is judged on the record as it
// would be after it, so a change of one field is held against the stored others. Nothing is
// written by a refused request.
describeEachDatabase('cross-field rules in the API', (t) => {
  let token: string;
  let patientId: string;
  const CREATE_FRACTURE = 'mutation($i: CreateFractureInput!) { createFracture(input: $i) { id version } }';
  const UPDATE_FRACTURE =
    'mutation($i: UpdateFractureInput!) { updateFracture(input: $i) { version genantGrade heightLossPercent ofClass posteriorWallInvolved } }';
  const CREATE_VISIT = 'mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id version } }';
  const UPDATE_VISIT = 'mutation($i: UpdateAssessmentInput!) { updateAssessment(input: $i) { version analgesicLevel opioidUse } }';
  const base = {
    level: 'T7',
    onsetDate: '2025-01-02',
    cause: 'OSTEOPOROTIC',
    genantGrade: 2,
    heightLossPercent: 30,
    posteriorWallInvolved: false,
    neurologicalDeficit: false,
  };

  const refusal = (r: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) => {
    expect(r.errors).toHaveLength(1);
    const e = r.errors![0];
    expect(e.extensions!.code).toBe('BAD_USER_INPUT');
    return { message: e.message, fields: e.extensions!.fields as { field: string; rule: string; message: string }[] };
  };

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    const r = await t().gql(
      'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }',
      { i: { siteId, sex: 'FEMALE', birthYear: 1941, consentStatus: 'GIVEN' } },
      token,
    );
    patientId = r.data!.createPatient.id;
  });

  it("refuses the surgeon's fracture (Genant 1, 85% height loss, OF1) naming every field and rule, and writes nothing", async () => {
    const before = await rowCounts(t().db);
    const r = await t().gql(CREATE_FRACTURE, { i: { ...base, patientId, genantGrade: 1, heightLossPercent: 85, ofClass: 'OF1', mriOedema: true } }, token);
    const { fields, message } = refusal(r);
    expect(fields.map((f) => `${f.field}:${f.rule}`).sort()).toEqual([
      'genantGrade:genantHeightLoss',
      'genantGrade:ofClassGenantGrade',
      'heightLossPercent:genantHeightLoss',
      'heightLossPercent:ofClassHeightLoss',
      'ofClass:ofClassGenantGrade',
      'ofClass:ofClassHeightLoss',
    ]);
    expect(message).toContain('genantGrade 1 and heightLossPercent 85 contradict each other (rule genantHeightLoss)');
    // Each contradiction is said once in the sentence, though it is listed under each of its fields.
    expect(message.split('; ')).toHaveLength(3);
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('refuses a traumatic OF3 without posterior wall involvement on both fields', async () => {
    const before = await rowCounts(t().db);
    const { fields } = refusal(await t().gql(CREATE_FRACTURE, { i: { ...base, patientId, cause: 'TRAUMATIC', ofClass: 'OF3' } }, token));
    expect(fields.map((f) => [f.field, f.rule])).toEqual([
      ['ofClass', 'ofClassPosteriorWall'],
      ['posteriorWallInvolved', 'ofClassPosteriorWall'],
    ]);
    expect(await rowCounts(t().db)).toEqual(before);
    const ok = await t().gql(
      CREATE_FRACTURE,
      { i: { ...base, patientId, level: 'T8', cause: 'TRAUMATIC', ofClass: 'OF3', posteriorWallInvolved: true } },
      token,
    );
    expect(ok.errors).toBeUndefined();
  });

  it('judges a partial fracture update on the merged record: the grade alone against the stored height loss, the class alone against the stored wall', async () => {
    const created = await t().gql(CREATE_FRACTURE, { i: { ...base, patientId, level: 'T9', ofClass: 'OF2' } }, token);
    expect(created.errors).toBeUndefined();
    const id = created.data!.createFracture.id;
    const stored = async () =>
      (await t().db.dataSource.query(`SELECT version, genant_grade, height_loss_percent, of_class FROM fracture WHERE id = $1`, [id]))[0];
    const was = await stored();
    const before = await rowCounts(t().db);

    const grade = refusal(await t().gql(UPDATE_FRACTURE, { i: { id, version: 1, genantGrade: 1 } }, token));
    expect(grade.fields.map((f) => f.field)).toEqual(['genantGrade', 'heightLossPercent']);
    expect(grade.message).toContain('genantGrade 1 and heightLossPercent 30 contradict each other (rule genantHeightLoss)');
    const cls = refusal(await t().gql(UPDATE_FRACTURE, { i: { id, version: 1, ofClass: 'OF4' } }, token));
    expect(cls.fields.map((f) => [f.field, f.rule])).toEqual([
      ['ofClass', 'ofClassPosteriorWall'],
      ['posteriorWallInvolved', 'ofClassPosteriorWall'],
    ]);
    expect(await stored()).toEqual(was);
    expect(await rowCounts(t().db)).toEqual(before);

    // Both fields changed together make a consistent record, which is saved.
    const both = await t().gql(
      UPDATE_FRACTURE,
      { i: { id, version: 1, ofClass: 'OF4', posteriorWallInvolved: true, genantGrade: 3, heightLossPercent: 55 } },
      token,
    );
    expect(both.errors).toBeUndefined();
    expect(both.data!.updateFracture).toEqual({ version: 2, genantGrade: 3, heightLossPercent: 55, ofClass: 'OF4', posteriorWallInvolved: true });

    // An edit of the older version is told it is stale (the dashboard then reloads), whatever its values.
    const stale = await t().gql(UPDATE_FRACTURE, { i: { id, version: 1, heightLossPercent: 25 } }, token);
    expect(stale.errors![0].extensions!.code).toBe('STALE_VERSION');
  });

  it('refuses a visit with analgesics NONE and opioid use, on create and on a partial update, writing nothing', async () => {
    const fracture = (await t().gql(CREATE_FRACTURE, { i: { ...base, patientId, level: 'T10' } }, token)).data!.createFracture.id;
    const treatment = (
      await t().gql(
        'mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id } }',
        { i: { patientId, kind: 'CONSERVATIVE', startDate: '2025-01-10', levels: [{ fractureId: fracture }] } },
        token,
      )
    ).data!.createTreatment.id;
    const visit = { patientId, treatmentId: treatment, timePoint: 'M1', visitDate: '2025-02-10', status: 'DONE', nrsRest: 4 };

    const before = await rowCounts(t().db);
    const created = refusal(await t().gql(CREATE_VISIT, { i: { ...visit, analgesicLevel: 'NONE', opioidUse: true } }, token));
    expect(created.fields.map((f) => [f.field, f.rule])).toEqual([
      ['analgesicLevel', 'analgesicOpioidUse'],
      ['opioidUse', 'analgesicOpioidUse'],
    ]);
    expect(created.message).toBe(
      'analgesicLevel NONE and opioidUse true contradict each other (rule analgesicOpioidUse): opioid use is an analgesic level of WEAK_OPIOID or STRONG_OPIOID, not NONE',
    );
    expect(await rowCounts(t().db)).toEqual(before);

    const ok = await t().gql(CREATE_VISIT, { i: { ...visit, analgesicLevel: 'STRONG_OPIOID', opioidUse: true } }, token);
    expect(ok.errors).toBeUndefined();
    const id = ok.data!.createAssessment.id;
    const after = await rowCounts(t().db);
    // Opioid use said false alone, against the stored STRONG_OPIOID.
    const update = refusal(await t().gql(UPDATE_VISIT, { i: { id, version: 1, opioidUse: false } }, token));
    expect(update.fields.map((f) => f.field)).toEqual(['analgesicLevel', 'opioidUse']);
    expect(update.message).toContain('STRONG_OPIOID is an opioid, so opioidUse cannot be false');
    expect(await rowCounts(t().db)).toEqual(after);
    const both = await t().gql(UPDATE_VISIT, { i: { id, version: 1, opioidUse: false, analgesicLevel: 'NON_OPIOID' } }, token);
    expect(both.errors).toBeUndefined();
    expect(both.data!.updateAssessment).toEqual({ version: 2, analgesicLevel: 'NON_OPIOID', opioidUse: false });
  });
});

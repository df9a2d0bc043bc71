import { COORD_NORTH, describeEachDatabase, rowCounts } from '@vfr/api-testing';

// Hospital use (discharge destination, readmissions), radiation and cement fill on treatments, and
// radiographic follow-up on visits, through the API: stored and read back, refused with the field
// and the rule named (range, procedures only, the readmission windows, a visit not done), nothing
// written by a refusal; a partial update is judged on the merged treatment.
describeEachDatabase('hospital use and radiographic follow-up in the API', (t) => {
  let token: string;
  let patientId: string;
  let fractureId: string;
  const CREATE =
    'mutation($i: CreateTreatmentInput!) { createTreatment(input: $i) { id version dischargeDestination readmittedWithin30Days readmittedWithin90Days fluoroscopyTimeSeconds doseAreaProductGyCm2 levels { cementFillPercent } } }';
  const UPDATE = 'mutation($i: UpdateTreatmentInput!) { updateTreatment(input: $i) { version readmittedWithin30Days readmittedWithin90Days } }';
  const CREATE_VISIT =
    'mutation($i: CreateAssessmentInput!) { createAssessment(input: $i) { id version anteriorHeightPercent middleHeightPercent posteriorHeightPercent kyphoticAngle } }';
  const procedure = () => ({
    patientId,
    kind: 'KYPHOPLASTY',
    startDate: '2025-02-01',
    anaesthesia: 'GENERAL',
    approach: 'BIPEDICULAR',
    balloonUsed: true,
    levels: [{ fractureId, cementType: 'PMMA', cementVolumeMl: 4.5, cementFillPercent: 35 }],
  });

  const refusal = (r: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) => {
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    return { message: r.errors![0].message, fields: (r.errors![0].extensions!.fields as { field: string; rule: string }[]).map((f) => `${f.field}:${f.rule}`) };
  };

  beforeAll(async () => {
    token = await t().login(COORD_NORTH);
    const [{ id: siteId }] = await t().db.dataSource.query(`SELECT id FROM site WHERE code = 'NORTH'`);
    patientId = (
      await t().gql(
        'mutation($i: CreatePatientInput!) { createPatient(input: $i) { id } }',
        { i: { siteId, sex: 'FEMALE', birthYear: 1940, consentStatus: 'GIVEN' } },
        token,
      )
    ).data!.createPatient.id;
    fractureId = (
      await t().gql(
        'mutation($i: CreateFractureInput!) { createFracture(input: $i) { id } }',
        {
          i: {
            patientId,
            level: 'L1',
            onsetDate: '2025-01-20',
            cause: 'OSTEOPOROTIC',
            genantGrade: 2,
            heightLossPercent: 30,
            posteriorWallInvolved: false,
            neurologicalDeficit: false,
          },
        },
        token,
      )
    ).data!.createFracture.id;
  });

  it("stores a procedure's discharge, readmissions, radiation and cement fill, in the columns the migration made", async () => {
    const r = await t().gql(
      CREATE,
      {
        i: {
          ...procedure(),
          dischargeDestination: 'REHABILITATION',
          readmittedWithin30Days: false,
          readmittedWithin90Days: true,
          fluoroscopyTimeSeconds: 412,
          doseAreaProductGyCm2: 18.4,
        },
      },
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createTreatment).toMatchObject({
      dischargeDestination: 'REHABILITATION',
      readmittedWithin30Days: false,
      readmittedWithin90Days: true,
      fluoroscopyTimeSeconds: 412,
      doseAreaProductGyCm2: 18.4,
      levels: [{ cementFillPercent: 35 }],
    });
    const [row] = await t().db.dataSource.query(
      `SELECT t.discharge_destination::text AS d, t.readmitted_within_30_days AS r30, t.readmitted_within_90_days AS r90, t.fluoroscopy_time_seconds AS f, t.dose_area_product_gy_cm2 AS dap, l.cement_fill_percent AS fill
       FROM treatment t JOIN treated_level l ON l.treatment_id = t.id WHERE t.id = $1`,
      [r.data!.createTreatment.id],
    );
    expect(row).toEqual({ d: 'REHABILITATION', r30: false, r90: true, f: 412, dap: 18.4, fill: 35 });
  });

  it('refuses out-of-range radiation and fill, radiation on conservative care and a 30-day readmission without the 90-day one, writing nothing', async () => {
    const before = await rowCounts(t().db);
    const range = refusal(
      await t().gql(
        CREATE,
        { i: { ...procedure(), fluoroscopyTimeSeconds: 7201, doseAreaProductGyCm2: 0, levels: [{ fractureId, cementVolumeMl: 4, cementFillPercent: 101 }] } },
        token,
      ),
    );
    expect(range.fields.sort()).toEqual(['doseAreaProductGyCm2:range', 'fluoroscopyTimeSeconds:range', 'levels.0.cementFillPercent:range']);
    expect(range.message).toContain('fluoroscopyTimeSeconds must be an integer from 1 to 7200 s (got 7201)');

    const conservative = refusal(
      await t().gql(
        CREATE,
        { i: { patientId, kind: 'CONSERVATIVE', startDate: '2025-01-25', levels: [{ fractureId, cementFillPercent: 20 }], doseAreaProductGyCm2: 3 } },
        token,
      ),
    );
    expect(conservative.fields.sort()).toEqual(['doseAreaProductGyCm2:consistency', 'levels.0.cementFillPercent:consistency']);

    const windows = refusal(await t().gql(CREATE, { i: { ...procedure(), readmittedWithin30Days: true, readmittedWithin90Days: false } }, token));
    expect(windows.fields).toEqual(['readmittedWithin30Days:readmissionWindows', 'readmittedWithin90Days:readmissionWindows']);
    expect(windows.message).toContain('readmittedWithin30Days true and readmittedWithin90Days false contradict each other (rule readmissionWindows)');

    const died = refusal(
      await t().gql(
        CREATE,
        { i: { ...procedure(), dischargeDestination: 'DIED_IN_HOSPITAL', readmittedWithin30Days: false, readmittedWithin90Days: true } },
        token,
      ),
    );
    expect(died.fields).toEqual([
      'dischargeDestination:diedInHospitalReadmission',
      'readmittedWithin30Days:diedInHospitalReadmission',
      'readmittedWithin90Days:diedInHospitalReadmission',
    ]);
    expect(await rowCounts(t().db)).toEqual(before);
  });

  it('judges a partial update on the merged treatment: a 30-day readmission against the stored 90-day "no"', async () => {
    const created = await t().gql(
      CREATE,
      { i: { ...procedure(), startDate: '2025-02-03', readmittedWithin30Days: false, readmittedWithin90Days: false } },
      token,
    );
    const id = created.data!.createTreatment.id;
    const before = await rowCounts(t().db);
    const r = refusal(await t().gql(UPDATE, { i: { id, version: 1, readmittedWithin30Days: true } }, token));
    expect(r.fields).toEqual(['readmittedWithin30Days:readmissionWindows', 'readmittedWithin90Days:readmissionWindows']);
    expect(await rowCounts(t().db)).toEqual(before);
    const [stored] = await t().db.dataSource.query(`SELECT version, readmitted_within_30_days AS r30 FROM treatment WHERE id = $1`, [id]);
    expect(stored).toEqual({ version: 1, r30: false });
    const ok = await t().gql(UPDATE, { i: { id, version: 1, readmittedWithin30Days: true, readmittedWithin90Days: true } }, token);
    expect(ok.data!.updateTreatment).toEqual({ version: 2, readmittedWithin30Days: true, readmittedWithin90Days: true });
  });

  it("stores a visit's radiographic follow-up and refuses heights out of range or on a missed visit, writing nothing", async () => {
    const treatmentId = (await t().gql(CREATE, { i: { ...procedure(), startDate: '2025-02-05' } }, token)).data!.createTreatment.id;
    const visit = { patientId, treatmentId, timePoint: 'M3', visitDate: '2025-05-06', status: 'DONE', nrsRest: 2 };
    const ok = await t().gql(
      CREATE_VISIT,
      { i: { ...visit, anteriorHeightPercent: 78.5, middleHeightPercent: 74, posteriorHeightPercent: 96, kyphoticAngle: 14 } },
      token,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createAssessment).toMatchObject({ anteriorHeightPercent: 78.5, middleHeightPercent: 74, posteriorHeightPercent: 96, kyphoticAngle: 14 });

    const before = await rowCounts(t().db);
    const range = refusal(
      await t().gql(CREATE_VISIT, { i: { ...visit, timePoint: 'M6', visitDate: '2025-08-04', anteriorHeightPercent: 121, kyphoticAngle: -31 } }, token),
    );
    expect(range.fields.sort()).toEqual(['anteriorHeightPercent:range', 'kyphoticAngle:range']);
    expect(range.message).toContain('anteriorHeightPercent must be a number from 0 to 120 % (got 121)');
    const missed = refusal(await t().gql(CREATE_VISIT, { i: { patientId, treatmentId, timePoint: 'M12', status: 'MISSED', kyphoticAngle: 12 } }, token));
    expect(missed.fields).toEqual(['kyphoticAngle:consistency']);
    expect(await rowCounts(t().db)).toEqual(before);
  });
});
